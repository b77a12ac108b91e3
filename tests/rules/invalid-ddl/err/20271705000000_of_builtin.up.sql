CREATE TYPE public.money AS (amount numeric(12,2), currency char(3));
CREATE TABLE fixd_snapshots OF money;
CREATE TABLE fixd_notes OF pg_catalog.text;
CREATE TABLE fixd_stamps OF timestamptz;
CREATE TABLE fixd_prices (amount numeric(12,2), currency char(3));
ALTER TABLE fixd_prices OF money;
