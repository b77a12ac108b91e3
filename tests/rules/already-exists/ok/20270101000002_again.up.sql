CREATE TEMP TABLE import_rows (id bigint, payload text);
CREATE INDEX import_rows_id_idx ON import_rows (id);
-- DROP OWNED drops what the role owns: the schema, its table, report_cache.
DROP OWNED BY app_reporting;
DROP ROLE app_reporting;
CREATE SCHEMA reports;
CREATE TABLE reports.daily (day date PRIMARY KEY, total bigint);
CREATE TABLE report_cache (day date, total bigint);
-- The renamed schema takes its tables with it.
ALTER SCHEMA archive RENAME TO archive_2026;
CREATE SCHEMA archive;
CREATE TABLE archive.items (id bigint, name text);
