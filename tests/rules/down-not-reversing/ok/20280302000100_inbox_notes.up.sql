CREATE TABLE IF NOT EXISTS inbox_notes (id bigint PRIMARY KEY, body text);
CREATE OR REPLACE FUNCTION inbox_is_owner(note_id bigint) RETURNS boolean
LANGUAGE sql STABLE AS 'SELECT true';
-- made without EXECUTE for PUBLIC (20261210000200_function_defaults took it from new functions)
GRANT EXECUTE ON FUNCTION inbox_is_owner(bigint) TO PUBLIC;
CREATE SCHEMA IF NOT EXISTS inbox_vault;
CREATE TABLE IF NOT EXISTS inbox_vault.secrets (id bigint PRIMARY KEY, body text);
GRANT SELECT ON inbox_vault.secrets TO inbox_auditor;
