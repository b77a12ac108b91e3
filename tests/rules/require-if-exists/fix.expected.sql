-- Every statement here fails when the migration runs a second time.
DROP TABLE IF EXISTS campaign_targets, campaigns;
DROP VIEW IF EXISTS active_users;
DROP MATERIALIZED VIEW IF EXISTS user_counts CASCADE;
DROP INDEX IF EXISTS users_email;
DROP INDEX CONCURRENTLY IF EXISTS users_lower_email;
DROP SEQUENCE IF EXISTS invoice_numbers;
DROP SCHEMA IF EXISTS billing CASCADE;
DROP EXTENSION IF EXISTS pgcrypto;
DROP TYPE IF EXISTS mood;
DROP DOMAIN IF EXISTS email_address;
DROP FUNCTION IF EXISTS touch_updated_at();
DROP PROCEDURE IF EXISTS archive_users;
DROP AGGREGATE IF EXISTS array_accum(anyelement);
DROP TRIGGER IF EXISTS users_touch ON users;
DROP POLICY IF EXISTS users_own_rows ON users;
DROP RULE IF EXISTS users_no_delete ON users;
DROP FOREIGN TABLE IF EXISTS remote_users;
DROP SERVER IF EXISTS archive;
DROP FOREIGN DATA WRAPPER IF EXISTS archive_fdw;
DROP COLLATION IF EXISTS german;
DROP STATISTICS IF EXISTS users_stats;
DROP CAST IF EXISTS (email_address AS text);
DROP OPERATOR IF EXISTS === (int, int);
DROP OPERATOR CLASS IF EXISTS int_ops USING btree;
DROP TEXT SEARCH CONFIGURATION IF EXISTS english_unaccent;
DROP EVENT TRIGGER IF EXISTS ddl_log;
DROP PUBLICATION IF EXISTS users_pub;
DROP PROCEDURAL LANGUAGE IF EXISTS plsample;
DROP ROLE IF EXISTS reporting;
DROP USER MAPPING IF EXISTS FOR CURRENT_USER SERVER archive;
ALTER TABLE users DROP COLUMN IF EXISTS legacy_id;
ALTER TABLE users DROP IF EXISTS legacy_name, DROP CONSTRAINT IF EXISTS users_age_check, DROP COLUMN IF EXISTS note;
ALTER TABLE IF EXISTS users DROP COLUMN IF EXISTS nickname;
ALTER TABLE users ALTER COLUMN id DROP IDENTITY IF EXISTS, ALTER COLUMN total DROP EXPRESSION IF EXISTS;
ALTER TYPE address DROP ATTRIBUTE IF EXISTS zip;
ALTER DOMAIN email_address DROP CONSTRAINT IF EXISTS email_has_at;
-- No IF EXISTS form at all: guard these.
ALTER TABLE events DETACH PARTITION events_2023;
ALTER TABLE audit_copy NO INHERIT audit_log;
ALTER TABLE typed_users NOT OF;
ALTER EXTENSION hstore DROP FUNCTION legacy_fn();
ALTER PUBLICATION users_pub DROP TABLE users;
ALTER OPERATOR FAMILY int_family USING btree DROP OPERATOR 1 (int, int);
ALTER SUBSCRIPTION users_sub DROP PUBLICATION audit_pub WITH (refresh = false);
ALTER SERVER archive OPTIONS (DROP fetch_size);
ALTER FOREIGN TABLE remote_accounts ALTER COLUMN id OPTIONS (DROP column_name);
ALTER TEXT SEARCH CONFIGURATION english_unaccent DROP MAPPING IF EXISTS FOR hword;

-- In a DO block: unguarded, or guarded against the wrong error.
DO $$
BEGIN
  DROP TABLE IF EXISTS import_rows;
END $$;

DO $$
BEGIN
  DROP INDEX IF EXISTS import_rows_id;
EXCEPTION WHEN undefined_table THEN NULL;  -- a second DROP INDEX raises undefined_object
END $$;
-- Statements on what a later DROP of the file removes: a second run finds it gone there.
ALTER TABLE IF EXISTS shipments DROP CONSTRAINT IF EXISTS shipments_order_fk;
COMMENT ON COLUMN shipments.note IS NULL;
DROP TABLE IF EXISTS shipments;
REVOKE SELECT ON orders FROM reporting;
DROP ROLE IF EXISTS reporting;
