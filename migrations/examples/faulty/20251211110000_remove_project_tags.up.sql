-- Data destroyed in an up, while the code of the previous release still reads it during the
-- deploy: a table dropped, a column dropped, and a TRUNCATE ... CASCADE that also empties
-- every table referencing project_roles.
SET lock_timeout = '5s';
DROP TABLE IF EXISTS project_tags;
ALTER TABLE projects DROP COLUMN IF EXISTS task_count;
TRUNCATE project_roles CASCADE;
