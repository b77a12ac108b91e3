SET lock_timeout = '5s';
DROP TABLE IF EXISTS project_import_rows;
DROP TABLE IF EXISTS project_import_batches;
