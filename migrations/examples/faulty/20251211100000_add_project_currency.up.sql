-- Nothing wrong in the file itself. Its version is the mistake when it is merged after
-- migrations with higher versions (a branch written before them): a database already past them
-- skips it silently. `sqlgate lint --changed-since origin/main` reports it (out-of-order).
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS currency text NOT NULL DEFAULT 'EUR';
