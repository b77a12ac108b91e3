SET lock_timeout = '5s';
ALTER TABLE projects DROP COLUMN IF EXISTS phase;
