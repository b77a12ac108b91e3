CREATE OR REPLACE FUNCTION fs_ok.ledger_total() RETURNS numeric
LANGUAGE sql STABLE SET search_path = fs_ok SET work_mem = '64MB'
AS $$ SELECT sum(amount) FROM ledger $$;
-- and the settings 20280601090100 gave it, which CREATE OR REPLACE does not keep
ALTER FUNCTION fs_ok.ledger_total() SET work_mem = '128MB' SET search_path = fs_ok, pg_temp;
