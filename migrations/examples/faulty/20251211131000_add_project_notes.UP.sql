-- The direction in capitals: golang-migrate's loader skips the file without a word, so this
-- up never runs, and its down is a down without an up.
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS notes text;
