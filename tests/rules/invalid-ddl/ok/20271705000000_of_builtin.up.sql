CREATE TYPE public.money AS (amount numeric(12,2), currency char(3));
CREATE TABLE fixd_snapshots OF public.money;
CREATE TYPE fixd_amount AS (amount numeric(12,2));
CREATE TABLE fixd_amounts OF fixd_amount;
CREATE TABLE fixd_prices (amount numeric(12,2), currency char(3));
ALTER TABLE fixd_prices OF public.money;
