SET lock_timeout = '5s';
ALTER TABLE IF EXISTS projects DROP CONSTRAINT IF EXISTS projects_title_check;
ALTER TABLE IF EXISTS projects DROP CONSTRAINT IF EXISTS projects_owner_title_key;
