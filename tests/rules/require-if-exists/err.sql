-- Every statement here fails when the migration runs a second time.
DROP TABLE campaign_targets, campaigns;
DROP VIEW active_users;
DROP MATERIALIZED VIEW user_counts CASCADE;
DROP INDEX users_email;
DROP INDEX CONCURRENTLY users_lower_email;
DROP SEQUENCE invoice_numbers;
DROP SCHEMA billing CASCADE;
DROP EXTENSION pgcrypto;
DROP TYPE mood;
DROP DOMAIN email_address;
DROP FUNCTION touch_updated_at();
DROP PROCEDURE archive_users;
DROP AGGREGATE array_accum(anyelement);
DROP TRIGGER users_touch ON users;
DROP POLICY users_own_rows ON users;
DROP RULE users_no_delete ON users;
DROP FOREIGN TABLE remote_users;
DROP SERVER archive;
DROP FOREIGN DATA WRAPPER archive_fdw;
DROP COLLATION german;
DROP STATISTICS users_stats;
DROP CAST (email_address AS text);
DROP OPERATOR === (int, int);
DROP OPERATOR CLASS int_ops USING btree;
DROP TEXT SEARCH CONFIGURATION english_unaccent;
DROP EVENT TRIGGER ddl_log;
DROP PUBLICATION users_pub;
DROP PROCEDURAL LANGUAGE plsample;
DROP ROLE reporting;
DROP USER MAPPING FOR CURRENT_USER SERVER archive;
ALTER TABLE users DROP COLUMN legacy_id;
ALTER TABLE users DROP legacy_name, DROP CONSTRAINT users_age_check, DROP COLUMN IF EXISTS note;
ALTER TABLE IF EXISTS users DROP COLUMN nickname;
ALTER TABLE users ALTER COLUMN id DROP IDENTITY, ALTER COLUMN total DROP EXPRESSION;
ALTER TYPE address DROP ATTRIBUTE zip;
ALTER DOMAIN email_address DROP CONSTRAINT email_has_at;
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
ALTER TEXT SEARCH CONFIGURATION english_unaccent DROP MAPPING FOR hword;

-- In a DO block: unguarded, or guarded against the wrong error.
DO $$
BEGIN
  DROP TABLE import_rows;
END $$;

DO $$
BEGIN
  DROP INDEX import_rows_id;
EXCEPTION WHEN undefined_table THEN NULL;  -- a second DROP INDEX raises undefined_object
END $$;
-- Statements on what a later DROP of the file removes: a second run finds it gone there.
ALTER TABLE shipments DROP CONSTRAINT IF EXISTS shipments_order_fk;
COMMENT ON COLUMN shipments.note IS NULL;
DROP TABLE IF EXISTS shipments;
REVOKE SELECT ON orders FROM reporting;
DROP ROLE IF EXISTS reporting;
