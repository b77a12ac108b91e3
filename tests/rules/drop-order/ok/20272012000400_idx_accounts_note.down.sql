-- an index of its own: no constraint needs it
DROP INDEX IF EXISTS idx_accounts_note_idx;
ALTER TABLE idx_accounts DROP COLUMN IF EXISTS note;
