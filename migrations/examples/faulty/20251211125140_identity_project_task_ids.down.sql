SET lock_timeout = '5s';
ALTER TABLE project_tasks ALTER COLUMN id DROP IDENTITY IF EXISTS;
