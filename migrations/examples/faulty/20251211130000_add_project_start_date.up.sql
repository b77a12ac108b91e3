-- The other migration of version 20251211130000 (see ..._add_project_due_date).
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS start_on date;
