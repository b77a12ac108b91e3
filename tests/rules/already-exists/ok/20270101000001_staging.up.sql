-- A temporary table made ON COMMIT DROP (and its index) goes with the migration's transaction.
CREATE TEMP TABLE import_rows (id bigint, payload text) ON COMMIT DROP;
CREATE INDEX import_rows_id_idx ON import_rows (id);
CREATE ROLE app_reporting;
CREATE SCHEMA reports AUTHORIZATION app_reporting;
CREATE TABLE reports.daily (day date PRIMARY KEY);
ALTER TABLE reports.daily OWNER TO app_reporting;
CREATE TABLE report_cache (day date);
ALTER TABLE report_cache OWNER TO app_reporting;
CREATE SCHEMA archive;
CREATE TABLE archive.items (id bigint);
