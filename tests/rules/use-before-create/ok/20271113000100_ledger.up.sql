CREATE SCHEMA IF NOT EXISTS ledger;
CREATE TABLE IF NOT EXISTS ledger.entries (id bigint PRIMARY KEY, amount numeric NOT NULL);
CREATE SEQUENCE IF NOT EXISTS ledger.entry_numbers;
CREATE OR REPLACE VIEW ledger.totals AS SELECT sum(amount) AS total FROM ledger.entries;
CREATE OR REPLACE FUNCTION ledger.entry_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM ledger.entries $$;
