ALTER TABLE ledger_entries DROP COLUMN IF EXISTS posted_at;
