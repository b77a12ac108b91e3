SET lock_timeout = '5s';
ALTER TABLE projects DROP CONSTRAINT IF EXISTS projects_one_active_per_owner;
