CREATE SCHEMA IF NOT EXISTS staging_area;
CREATE TABLE IF NOT EXISTS staging_area.staged_rows (id serial PRIMARY KEY);
ALTER TABLE staging_area.staged_rows SET SCHEMA public;
DROP SCHEMA staging_area;
