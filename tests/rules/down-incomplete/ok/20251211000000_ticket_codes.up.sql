-- The constraint adopts the index (and renames it to its own name): DROP CONSTRAINT drops both.
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_code_key;
CREATE UNIQUE INDEX IF NOT EXISTS tickets_code_idx ON tickets (code);
ALTER TABLE tickets ADD CONSTRAINT tickets_code_key UNIQUE USING INDEX tickets_code_idx;
