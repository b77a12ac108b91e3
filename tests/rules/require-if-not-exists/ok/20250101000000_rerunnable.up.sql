-- Re-runnable: this file runs twice in a row without an error.
CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE IF NOT EXISTS users_by_year (year int) PARTITION BY RANGE (year);
CREATE TABLE IF NOT EXISTS users_2024 PARTITION OF users_by_year FOR VALUES FROM (2024) TO (2025);
CREATE TABLE IF NOT EXISTS user_emails AS SELECT id, email FROM users;
CREATE MATERIALIZED VIEW IF NOT EXISTS user_counts AS SELECT count(*) AS n FROM users;
CREATE INDEX IF NOT EXISTS users_email ON users (email);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON users (email);
CREATE SEQUENCE IF NOT EXISTS invoice_numbers;
CREATE SCHEMA IF NOT EXISTS billing;
CREATE SCHEMA IF NOT EXISTS AUTHORIZATION CURRENT_USER;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE COLLATION IF NOT EXISTS german_ci (provider = icu, locale = 'de-DE');
CREATE SERVER IF NOT EXISTS archive FOREIGN DATA WRAPPER postgres_fdw;
CREATE FOREIGN TABLE IF NOT EXISTS remote_users (id bigint) SERVER archive;
CREATE STATISTICS IF NOT EXISTS users_stats ON id, email FROM users;
CREATE USER MAPPING IF NOT EXISTS FOR CURRENT_USER SERVER archive;
ALTER TABLE users ADD COLUMN IF NOT EXISTS name text;
ALTER TABLE IF EXISTS ONLY users ADD IF NOT EXISTS nickname text, ADD COLUMN IF NOT EXISTS age int;
ALTER FOREIGN TABLE remote_users ADD COLUMN IF NOT EXISTS email text;
DO $$ BEGIN CREATE TYPE mood AS ENUM ('happy'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ecstatic' AFTER 'happy';

-- An index without a name is require-index-name's (IF NOT EXISTS needs a name).
CREATE INDEX IF NOT EXISTS users_name ON users (name);

-- Session-scoped: temporary tables are made afresh by every run.
CREATE TEMP TABLE import_rows (id bigint);
CREATE INDEX import_rows_id ON import_rows (id);
ALTER TABLE import_rows ADD COLUMN note text;
CREATE TABLE pg_temp.scratch (id int);
CREATE TEMPORARY SEQUENCE import_numbers;
CREATE TEMP TABLE import_copy AS SELECT * FROM import_rows;
SELECT id INTO TEMP import_ids FROM import_rows;

-- Created and dropped again in the same file: the second run creates it afresh.
CREATE TABLE staging_users (id bigint);
CREATE INDEX staging_users_id ON staging_users (id);
INSERT INTO users (id, email) SELECT id, 'x' FROM staging_users ON CONFLICT DO NOTHING;
DROP INDEX staging_users_id;
DROP TABLE staging_users;

-- What is on a table the file drops again is made afresh with it.
CREATE TABLE scratch_totals (n int);
CREATE INDEX scratch_totals_n ON scratch_totals (n);
ALTER TABLE scratch_totals ADD COLUMN note text;
DROP TABLE scratch_totals;

-- A materialized view made again takes its indexes with it.
DROP MATERIALIZED VIEW IF EXISTS email_domains;
CREATE MATERIALIZED VIEW IF NOT EXISTS email_domains AS SELECT DISTINCT split_part(email, '@', 2) AS domain FROM users;
CREATE UNIQUE INDEX email_domains_domain ON email_domains (domain);

-- Dropping an index first only rebuilds it.
DROP INDEX IF EXISTS users_lower_email;
CREATE INDEX users_lower_email ON users (lower(email));

-- Guarded in DO blocks: a catalog test, the right exception, FOUND, a variable, a RETURN.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'audit_log') THEN
    CREATE TABLE audit_log (id bigint);
  END IF;
  IF to_regclass('audit_log_id') IS NULL THEN
    EXECUTE 'CREATE INDEX audit_log_id ON audit_log (id)';
  END IF;
END $$;

DO $$
BEGIN
  ALTER TABLE audit_log ADD COLUMN at timestamptz;
EXCEPTION WHEN duplicate_column THEN NULL;
END $$;

DO $$
BEGIN
  CREATE INDEX audit_log_at ON audit_log (at);
EXCEPTION WHEN SQLSTATE '42P07' THEN RAISE NOTICE 'audit_log_at exists';
END $$;

DO $$
BEGIN
  PERFORM 1 FROM pg_catalog.pg_namespace WHERE nspname = 'reports';
  IF NOT FOUND THEN
    CREATE SCHEMA reports;
  END IF;
END $$;

DO $$
DECLARE
  has_sequence boolean := to_regclass('order_numbers') IS NOT NULL;
  columns int;
BEGIN
  IF NOT has_sequence THEN
    CREATE SEQUENCE order_numbers;
  END IF;
  SELECT count(*) INTO columns FROM information_schema.columns
   WHERE table_name = 'audit_log' AND column_name = 'actor';
  IF columns = 0 THEN
    ALTER TABLE audit_log ADD COLUMN actor text;
  END IF;
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_extension WHERE extname = 'citext') THEN
    RETURN;
  END IF;
  CREATE EXTENSION citext;
END $$;

DO $$
BEGIN
  CASE WHEN to_regclass('audit_archive') IS NULL THEN
    CREATE TABLE audit_archive (LIKE audit_log);
  ELSE
    NULL;
  END CASE;
END $$;

-- Deliberately run once.
-- sqlgate:run-once the import table is created by the first deploy only
CREATE TABLE legacy_import (id bigint);
ALTER TABLE users ADD COLUMN legacy_id bigint;  -- sqlgate:run-once filled in by the import job

-- Guards that find what they guard.
DO $$ BEGIN
  IF to_regclass('Audit_Log') IS NULL THEN
    CREATE TABLE audit_log (id bigint);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_matviews WHERE matviewname = 'daily_totals') THEN
    CREATE MATERIALIZED VIEW daily_totals AS SELECT 1 AS n;
  END IF;
  IF NOT EXISTS (SELECT FROM information_schema.columns
                 WHERE table_name = 'users' AND column_name = 'createdat') THEN
    ALTER TABLE users ADD COLUMN CreatedAt timestamptz;
  END IF;
END $$;

-- A lookup that fails while the table is missing: the handler runs only then.
DO $$ BEGIN
  PERFORM 'import_batches'::regclass;
EXCEPTION WHEN undefined_table THEN
  CREATE TABLE import_batches (id bigint);
END $$;
-- Dropped by the file before or after: the second run finds the column gone.
ALTER TABLE routes DROP COLUMN IF EXISTS features, ADD COLUMN features text[];
ALTER TABLE routes DROP COLUMN IF EXISTS legacy;
ALTER TABLE routes ADD COLUMN legacy bigint;
ALTER TABLE routes ADD COLUMN scratch int;
UPDATE routes SET scratch = 1;
ALTER TABLE routes DROP COLUMN IF EXISTS scratch;
-- A unique index rebuilt by dropping it first, with no foreign key on it when a second run drops
-- it: the foreign key goes first.
CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, nick text, code text);
DROP INDEX IF EXISTS accounts_nick_uniq;
CREATE UNIQUE INDEX accounts_nick_uniq ON accounts (nick);
CREATE TABLE IF NOT EXISTS coupons (code text);
ALTER TABLE coupons DROP CONSTRAINT IF EXISTS coupons_code_fkey;
DROP INDEX IF EXISTS accounts_code_uniq;
CREATE UNIQUE INDEX accounts_code_uniq ON accounts (code);
ALTER TABLE coupons ADD CONSTRAINT coupons_code_fkey FOREIGN KEY (code) REFERENCES accounts (code);

-- Schema per tenant, each template safe to run again: IF NOT EXISTS, a guard, a DROP first.
DO $$
DECLARE
  s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('CREATE INDEX IF NOT EXISTS orders_placed_at_idx ON %I.orders (placed_at)', s);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %1$I.%2$I (id bigint, note %3$s)', s, 'notes', 'text');
    IF to_regclass(format('%I.orders_total_idx', s)) IS NULL THEN
      EXECUTE format('CREATE INDEX orders_total_idx ON %I.orders (total)', s);
    END IF;
    EXECUTE format('DROP INDEX IF EXISTS %I.orders_status_idx', s);
    EXECUTE format('CREATE INDEX orders_status_idx ON %I.orders (status)', s);
    EXECUTE format('COMMENT ON TABLE %I.orders IS %L', s, '100% ' || s);
  END LOOP;
END
$$;

-- A CASE branch that tests for the index, and a handler for the error a second run raises.
DO $$
DECLARE
  s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    CASE WHEN to_regclass(format('%I.orders_day_idx', s)) IS NULL THEN
      EXECUTE format('CREATE INDEX orders_day_idx ON %I.orders (day)', s);
    ELSE
      NULL;
    END CASE;
    BEGIN
      EXECUTE format('CREATE INDEX orders_region_idx ON %I.orders (region)', s);
    EXCEPTION WHEN duplicate_table THEN NULL;
    END;
  END LOOP;
END
$$;
