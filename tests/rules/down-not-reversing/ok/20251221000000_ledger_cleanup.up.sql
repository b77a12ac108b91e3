-- delete, then insert the same rows: the INSERT's finding would say what the down owes
DELETE FROM ledger WHERE id = 1;
INSERT INTO ledger (id, amount) VALUES (1, 10) ON CONFLICT (id) DO NOTHING;
-- a backfill of a column this up adds: the down drops it
ALTER TABLE ledger ADD COLUMN IF NOT EXISTS cents bigint;
UPDATE ledger SET cents = amount * 100 WHERE cents IS NULL;
-- rows the down writes back
TRUNCATE ledger_archive;
-- no comment before it; IS '' in the down removes this one as IS NULL would
COMMENT ON TABLE ledger_archive IS 'old rows';
-- a role the down drops: drop-order's (DROP ROLE fails while it holds default privileges)
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app_temp;
