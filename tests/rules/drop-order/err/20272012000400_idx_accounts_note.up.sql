ALTER TABLE idx_accounts ADD COLUMN IF NOT EXISTS note text;
CREATE INDEX IF NOT EXISTS idx_accounts_note_idx ON idx_accounts (note);
