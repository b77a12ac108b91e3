-- A name with capitals and hyphens: it breaks shell globs and collides on case-insensitive
-- file systems. Migration names are snake_case.
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS labels text[] NOT NULL DEFAULT '{}';
