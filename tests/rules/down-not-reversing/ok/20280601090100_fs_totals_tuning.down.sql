-- each setting back to the value CREATE FUNCTION gave it
ALTER FUNCTION fs_ok.ledger_total() SET work_mem = '64MB' SET search_path = 'fs_ok';
