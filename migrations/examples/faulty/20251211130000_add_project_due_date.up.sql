-- Two branches each took the next version: this pair and ..._add_project_start_date share
-- 20251211130000, and golang-migrate refuses the whole folder.
SET lock_timeout = '5s';
ALTER TABLE projects ADD COLUMN IF NOT EXISTS due_on date;
