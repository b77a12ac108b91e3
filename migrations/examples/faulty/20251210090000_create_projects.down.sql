SET lock_timeout = '5s';
DROP INDEX projects_created_at_idx;
DROP TABLE projects;
