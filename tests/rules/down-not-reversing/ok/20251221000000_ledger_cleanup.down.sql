INSERT INTO ledger_archive SELECT id, amount FROM ledger ON CONFLICT DO NOTHING;
ALTER TABLE ledger DROP COLUMN IF EXISTS cents;
DELETE FROM ledger WHERE id = 1;
COMMENT ON TABLE ledger_archive IS '';
DROP ROLE IF EXISTS app_temp;
