SET lock_timeout = '5s';
DROP INDEX IF EXISTS projects_owner_id_idx;
