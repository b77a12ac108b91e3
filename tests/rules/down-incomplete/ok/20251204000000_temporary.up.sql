CREATE TABLE scratch (id int);
INSERT INTO scratch VALUES (1);
DROP TABLE scratch;
CREATE SCHEMA IF NOT EXISTS reporting;
CREATE TABLE IF NOT EXISTS reporting.daily (day date PRIMARY KEY, total bigint NOT NULL);
CREATE OR REPLACE VIEW reporting.last_week AS SELECT * FROM reporting.daily;
