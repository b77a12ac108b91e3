-- sqlgate:no-transaction
-- Maintenance that belongs in a planned window, not in a migration every environment runs on
-- deploy: each of these blocks the table, or drops a whole database.
SET lock_timeout = '5s';
DROP DATABASE IF EXISTS projects_import;
VACUUM FULL projects;
CLUSTER projects USING projects_created_at_idx;
REINDEX INDEX projects_created_at_idx;
