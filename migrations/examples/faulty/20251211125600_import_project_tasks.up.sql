SET lock_timeout = '5s';
CREATE UNLOGGED TABLE IF NOT EXISTS project_import_batches (id bigint PRIMARY KEY);
CREATE UNLOGGED TABLE IF NOT EXISTS project_import_rows (
  id bigint PRIMARY KEY,
  batch_id bigint NOT NULL REFERENCES project_import_batches (id),
  payload jsonb
);
-- Once loaded, the import tables are made logged: the rows first, while the batches they
-- reference are still unlogged, which PostgreSQL refuses on every run.
ALTER TABLE project_import_rows SET LOGGED;
ALTER TABLE project_import_batches SET LOGGED;
