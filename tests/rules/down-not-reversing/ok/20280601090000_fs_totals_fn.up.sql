CREATE SCHEMA IF NOT EXISTS fs_ok;
CREATE TABLE IF NOT EXISTS fs_ok.ledger (id bigint PRIMARY KEY, amount numeric NOT NULL);
CREATE OR REPLACE FUNCTION fs_ok.ledger_total() RETURNS numeric
LANGUAGE sql STABLE SET search_path = fs_ok SET work_mem = '64MB'
AS $$ SELECT sum(amount) FROM ledger $$;
