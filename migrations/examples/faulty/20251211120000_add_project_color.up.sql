-- An up without a down: a rollback stops at this version.
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS color text;
