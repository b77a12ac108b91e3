-- Reports: a table made before the default privileges, and one and a function made after them.
CREATE SCHEMA IF NOT EXISTS dpe;
CREATE TABLE IF NOT EXISTS dpe.early_totals (id bigint PRIMARY KEY, total numeric);
ALTER DEFAULT PRIVILEGES IN SCHEMA dpe GRANT SELECT ON TABLES TO dpe_auditor;
ALTER DEFAULT PRIVILEGES FOR ROLE dpe_owner IN SCHEMA dpe GRANT SELECT ON TABLES TO dpe_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA dpe GRANT EXECUTE ON FUNCTIONS TO PUBLIC;
CREATE TABLE IF NOT EXISTS dpe.late_totals (id bigint PRIMARY KEY, total numeric);
CREATE OR REPLACE FUNCTION dpe.grand_total() RETURNS numeric LANGUAGE sql STABLE
  AS 'SELECT sum(total) FROM dpe.late_totals';
