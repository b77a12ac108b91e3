DROP INDEX IF EXISTS projects_owner_id_idx;
