-- The down undoes only half of the up: starred stays after a rollback.
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS visibility text NOT NULL DEFAULT 'private';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS starred boolean NOT NULL DEFAULT false;
