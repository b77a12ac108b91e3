CREATE TABLE scratch (id int);
INSERT INTO scratch VALUES (1);
DROP TABLE scratch;
CREATE SCHEMA IF NOT EXISTS reporting;
