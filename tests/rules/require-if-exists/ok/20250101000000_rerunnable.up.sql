-- Re-runnable: this file runs twice in a row without an error.
CREATE TABLE IF NOT EXISTS users (id bigint GENERATED ALWAYS AS IDENTITY, total int GENERATED ALWAYS AS (id * 2) STORED, legacy_id int, legacy_name text, age int CONSTRAINT users_age_check CHECK (age > 0));
CREATE TABLE IF NOT EXISTS campaigns (id bigint PRIMARY KEY);
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
DROP TRIGGER IF EXISTS users_audit ON users;
DROP POLICY IF EXISTS users_own_rows ON users;
DROP RULE IF EXISTS users_no_delete ON users;
DROP FOREIGN TABLE IF EXISTS remote_users;
DROP SERVER IF EXISTS archive;
DROP COLLATION IF EXISTS german;
DROP STATISTICS IF EXISTS users_stats;
DROP CAST IF EXISTS (text AS int8range);
DROP OPERATOR IF EXISTS === (int, int);
DROP TEXT SEARCH CONFIGURATION IF EXISTS english_unaccent;
DROP EVENT TRIGGER IF EXISTS ddl_log;
DROP PUBLICATION IF EXISTS users_pub;
DROP ROLE IF EXISTS reporting_never_created;
DROP USER MAPPING IF EXISTS FOR CURRENT_USER SERVER archive;
DROP TEXT SEARCH CONFIGURATION IF EXISTS english_words;
CREATE TEXT SEARCH CONFIGURATION english_words (COPY = english);
ALTER TEXT SEARCH CONFIGURATION english_words DROP MAPPING IF EXISTS FOR hword;
ALTER TABLE users DROP COLUMN IF EXISTS legacy_id;
ALTER TABLE users DROP IF EXISTS legacy_name, DROP CONSTRAINT IF EXISTS users_age_check;
ALTER TABLE IF EXISTS users DROP COLUMN IF EXISTS nickname;
ALTER TABLE users ALTER COLUMN id DROP IDENTITY IF EXISTS, ALTER COLUMN total DROP EXPRESSION IF EXISTS;
DO $$ BEGIN CREATE TYPE address AS (street text, zip text); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
ALTER TYPE address DROP ATTRIBUTE IF EXISTS zip;
CREATE DOMAIN email_check AS text;
ALTER DOMAIN email_check DROP CONSTRAINT IF EXISTS email_has_at;
DROP DOMAIN email_check;

-- Re-runnable without IF EXISTS: what a second run drops exists again by then.
CREATE TEMP TABLE import_rows (id bigint);
DROP TABLE import_rows;
CREATE TABLE staging (id bigint);
DROP TABLE staging;
CREATE OR REPLACE FUNCTION scratch_fn() RETURNS int LANGUAGE sql AS 'SELECT 1';
DROP FUNCTION scratch_fn();
DROP TRIGGER users_touch ON users;
CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
ALTER TABLE users DROP CONSTRAINT users_age_positive,
  ADD CONSTRAINT users_age_positive CHECK (age >= 0);

-- Guarded in DO blocks.
DO $$
BEGIN
  IF EXISTS (SELECT FROM information_schema.columns
             WHERE table_name = 'users' AND column_name = 'temp_flag') THEN
    ALTER TABLE users DROP COLUMN temp_flag;
  END IF;
  IF EXISTS (SELECT FROM pg_catalog.pg_inherits WHERE inhrelid = to_regclass('events_2023')) THEN
    ALTER TABLE events DETACH PARTITION events_2023;
  END IF;
END $$;

DO $$
BEGIN
  DROP INDEX import_rows_id;
EXCEPTION WHEN undefined_object THEN NULL;
END $$;

DO $$
BEGIN
  ALTER TABLE audit_copy NO INHERIT audit_log;
EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'not inheriting: %', SQLERRM;
END $$;

-- sqlgate:run-once the legacy role goes with the first deploy
DROP ROLE legacy_reporting;

-- Made earlier in the file, or written with IF EXISTS, or made again after the DROP: a second
-- run finds it where it is used.
CREATE TABLE IF NOT EXISTS import_batch (id bigint);
INSERT INTO import_batch VALUES (1);
ALTER TABLE import_batch ADD COLUMN IF NOT EXISTS note text;
DROP TABLE IF EXISTS import_batch;
ALTER TABLE IF EXISTS legacy_events DROP CONSTRAINT IF EXISTS legacy_events_fk;
DROP TABLE IF EXISTS legacy_events;
COMMENT ON TABLE audit_rows IS NULL;
DROP TABLE IF EXISTS audit_rows;
CREATE TABLE IF NOT EXISTS audit_rows (id bigint);
-- Dropped, then added again: the second run drops what the first added. An unnamed PRIMARY KEY
-- added by a later statement is named blacklist_pkey again.
ALTER TABLE routes DROP COLUMN features, ADD COLUMN features text[];
ALTER TABLE routes DROP COLUMN extra;
ALTER TABLE routes ADD COLUMN IF NOT EXISTS extra bigint;
ALTER TABLE blacklist DROP CONSTRAINT blacklist_pkey;
ALTER TABLE blacklist ADD PRIMARY KEY (signature, nid);
-- A column dropped and added again after the UPDATE that fills it: the second run finds it.
UPDATE products SET note = 'none' WHERE note IS NULL;
ALTER TABLE products DROP COLUMN IF EXISTS note;
ALTER TABLE products ADD COLUMN IF NOT EXISTS note text;
-- Joined with another table, an unqualified name may be that table's: not judged.
UPDATE products SET code = s.code FROM staging s WHERE s.id = products.id AND legacy IS NULL;
ALTER TABLE products DROP COLUMN IF EXISTS legacy;
-- Made before or again after the DROP, named in another schema, another overload, or guarded.
CREATE SCHEMA IF NOT EXISTS scratch;
GRANT USAGE ON SCHEMA scratch TO PUBLIC;
COMMENT ON SCHEMA scratch IS 'scratch space';
DROP SCHEMA IF EXISTS scratch CASCADE;
CREATE OR REPLACE FUNCTION is_member() RETURNS boolean LANGUAGE sql AS 'SELECT false';
REVOKE EXECUTE ON FUNCTION is_member() FROM PUBLIC;
DROP FUNCTION IF EXISTS is_member();
REVOKE EXECUTE ON FUNCTION lookup(int) FROM PUBLIC;
DROP FUNCTION IF EXISTS lookup(text);
COMMENT ON TABLE events IS NULL;
DROP SCHEMA IF EXISTS archive CASCADE;
ALTER TABLE IF EXISTS history.entries ADD COLUMN IF NOT EXISTS note text;
ALTER SEQUENCE IF EXISTS history.entries_seq RESTART;
DROP SCHEMA IF EXISTS history CASCADE;
COMMENT ON SCHEMA tenants IS NULL;
DROP SCHEMA IF EXISTS tenants;
CREATE SCHEMA IF NOT EXISTS tenants;
DO $$
BEGIN
  IF to_regnamespace('plugins') IS NOT NULL THEN
    REVOKE USAGE ON SCHEMA plugins FROM PUBLIC;
  END IF;
  IF to_regprocedure('is_owner()') IS NOT NULL THEN
    REVOKE EXECUTE ON FUNCTION is_owner() FROM PUBLIC;
  END IF;
END $$;
DROP SCHEMA IF EXISTS plugins;
DROP FUNCTION IF EXISTS is_owner();
DO $$
BEGIN
  COMMENT ON TABLE imports.batches IS NULL;
EXCEPTION WHEN invalid_schema_name THEN NULL;
END $$;
DROP SCHEMA IF EXISTS imports CASCADE;
-- The index is the one a later ADD CONSTRAINT makes: a second run finds it there (and fails to
-- drop it, the constraint's own: guard-add-constraint reports that).
DROP INDEX pipelines_name_team_id;
ALTER TABLE pipelines ADD CONSTRAINT pipelines_name_team_id UNIQUE (name, team_id);
-- Added again by the statement that alters it: the second run adds it first.
ALTER TABLE tickets ADD COLUMN IF NOT EXISTS scratch text, ALTER COLUMN scratch SET DEFAULT '';
ALTER TABLE tickets DROP COLUMN IF EXISTS scratch;
-- Added again after the drop: the second run finds one.
SET CONSTRAINTS tickets_team_fk IMMEDIATE;
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_team_fk;
ALTER TABLE tickets ADD CONSTRAINT tickets_team_fk FOREIGN KEY (team_id) REFERENCES teams (id)
  NOT VALID;
-- The kind tested first.
DO $$ BEGIN
  IF (SELECT relkind FROM pg_catalog.pg_class WHERE oid = to_regclass('order_totals')) = 'r' THEN
    DROP TABLE order_totals;
  END IF;
END $$;
CREATE OR REPLACE VIEW order_totals AS SELECT current_date AS day;
-- The swap: the old name is made again before what uses it.
CREATE TABLE IF NOT EXISTS accounts_new (id bigint);
INSERT INTO accounts_new SELECT id FROM accounts ON CONFLICT DO NOTHING;
ALTER TABLE IF EXISTS accounts RENAME TO accounts_old;
ALTER TABLE IF EXISTS accounts_new RENAME TO accounts;
DROP TABLE IF EXISTS accounts_old;
-- What runs after the rename names the new name.
ALTER TABLE IF EXISTS profiles RENAME TO user_profiles;
COMMENT ON TABLE user_profiles IS 'one per user';
-- A name renamed away and back.
COMMENT ON TABLE orders IS 'orders';
ALTER TABLE IF EXISTS orders RENAME TO orders_tmp;
ALTER TABLE IF EXISTS orders_tmp RENAME TO orders;
-- Another overload renamed.
COMMENT ON FUNCTION total(int) IS NULL;
DO $$ BEGIN
  IF to_regprocedure('total(text)') IS NOT NULL THEN ALTER FUNCTION total(text) RENAME TO total_text; END IF;
END $$;
-- A copy from a table the file makes first, and from a CTE named as the dropped table.
CREATE TEMP TABLE staged (id bigint);
INSERT INTO archive SELECT id FROM staged ON CONFLICT DO NOTHING;
DROP TABLE IF EXISTS staged;
WITH legacy_rows AS (SELECT 1 AS id) INSERT INTO archive SELECT id FROM legacy_rows ON CONFLICT DO NOTHING;
DROP TABLE IF EXISTS legacy_rows;
-- A guarded copy.
DO $$ BEGIN
  IF to_regclass('old_tags') IS NOT NULL THEN
    INSERT INTO tags SELECT name FROM old_tags ON CONFLICT DO NOTHING;
  END IF;
END $$;
DROP TABLE IF EXISTS old_tags;
-- Dropped and made again: the second run drops what the first made, and makes it again.
DROP TABLE IF EXISTS report_cache;
CREATE TABLE report_cache (id bigint);
ALTER TABLE accounts DROP COLUMN IF EXISTS flags;
ALTER TABLE accounts ADD COLUMN flags text[];
-- A rebuild: the rename's source is made again first, so the second run rebuilds again.
CREATE TABLE IF NOT EXISTS jobs_new (id bigint);
DROP TABLE IF EXISTS jobs;
ALTER TABLE jobs_new RENAME TO jobs;
-- The drop and the rename, guarded by a test of the rename's source.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'tier_v2') THEN
    ALTER TABLE accounts DROP COLUMN tier;
    ALTER TABLE accounts RENAME COLUMN tier_v2 TO tier;
  END IF;
END $$;
-- to_regclass() gives NULL for a missing name; a cast of a name the file keeps finds it.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass('measurements_eu')) THEN
    ALTER TABLE measurements DETACH PARTITION measurements_eu;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_inherits WHERE inhparent = 'measurements'::regclass AND inhrelid = to_regclass('measurements_ap')) THEN
    ALTER TABLE measurements DETACH PARTITION measurements_ap;
  END IF;
END $$;
ALTER TABLE IF EXISTS measurements_eu RENAME TO measurements_eu_archive;
DROP TABLE IF EXISTS measurements_ap;
-- A cast caught by the block's handler.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = 'legacy_kind'::regtype AND enumlabel = 'gone') THEN
    ALTER TYPE legacy_kind RENAME VALUE 'gone' TO 'removed';
  END IF;
EXCEPTION WHEN undefined_object THEN NULL;
END $$;
DROP TYPE IF EXISTS legacy_kind;

-- Validated before a drop that the file follows with the constraint made again, or a drop in
-- the same statement first; a constraint the file adds before it.
ALTER TABLE issues VALIDATE CONSTRAINT issues_state_check;
ALTER TABLE issues DROP CONSTRAINT IF EXISTS issues_state_check;
ALTER TABLE issues ADD CONSTRAINT issues_state_check CHECK (state IS NOT NULL) NOT VALID;
ALTER TABLE issues DROP CONSTRAINT IF EXISTS issues_title_check;
ALTER TABLE issues ADD CONSTRAINT issues_title_check CHECK (title <> '') NOT VALID;
ALTER TABLE issues VALIDATE CONSTRAINT issues_title_check;
ALTER TABLE issues ALTER COLUMN title SET NOT NULL;
ALTER TABLE issues DROP CONSTRAINT IF EXISTS issues_title_check;

-- Compared as text, or with a label the rebuilt enum keeps; a column that ends as text.
UPDATE employee SET status = 'ACTIVE' WHERE status::text = 'CONTRACTOR';
UPDATE employee SET status = 'ACTIVE' WHERE status = 'ON_LEAVE';
UPDATE employee SET role = 'staff' WHERE role = 'CONTRACTOR';
ALTER TYPE employmentstatus RENAME TO employmentstatus_old;
CREATE TYPE employmentstatus AS ENUM ('ACTIVE', 'ON_LEAVE');
ALTER TABLE employee ALTER COLUMN status TYPE employmentstatus USING status::text::employmentstatus;
ALTER TABLE employee ALTER COLUMN role TYPE employmentstatus USING 'ACTIVE';
ALTER TABLE employee ALTER COLUMN role TYPE text;
DROP TYPE IF EXISTS employmentstatus_old;

-- A WITH query that reads a table the file does not drop, and the CTE's own name.
WITH moved AS (DELETE FROM ledger_staging WHERE posted RETURNING *)
INSERT INTO ledger SELECT * FROM moved ON CONFLICT (id) DO NOTHING;
DROP TABLE IF EXISTS moved;

-- Schema per tenant: IF EXISTS in the template, a handler, or the object made again after it.
DO $$
DECLARE
  s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.orders_placed_at_idx', s);
    EXECUTE format('ALTER TABLE %I.orders DROP COLUMN IF EXISTS legacy_total', s);
    EXECUTE format('ALTER TABLE %I.orders DROP CONSTRAINT orders_total_check', s);
    EXECUTE format('ALTER TABLE %I.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)', s);
    EXECUTE format('DROP TABLE %I.order_scratch', s);
    EXECUTE format('CREATE TABLE %I.order_scratch (id bigint)', s);
    BEGIN
      EXECUTE format('DROP VIEW %I.order_totals', s);
    EXCEPTION WHEN undefined_table THEN NULL;
    END;
  END LOOP;
END
$$;
