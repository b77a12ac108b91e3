-- The view that reads the table is dropped before the table: a second run drops both again, and
-- makes both again.
DROP VIEW IF EXISTS person_names;
DROP TABLE IF EXISTS people;
CREATE TABLE IF NOT EXISTS people (id bigint, name text);
CREATE OR REPLACE VIEW person_names AS SELECT name FROM people;
