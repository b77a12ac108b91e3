ALTER FUNCTION fs_ok.ledger_total() SET work_mem = '128MB' SET search_path = fs_ok, pg_temp;
