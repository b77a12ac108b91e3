DROP INDEX IF EXISTS idx_accounts_note_idx;
DROP INDEX IF EXISTS idx_accounts_pkey;
ALTER TABLE idx_accounts DROP COLUMN IF EXISTS note;
