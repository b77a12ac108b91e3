-- Every statement here fails when the migration runs a second time.
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE UNLOGGED TABLE public.events (id bigint);
CREATE TABLE users_2024 PARTITION OF users_by_year FOR VALUES FROM (2024) TO (2025);
CREATE TABLE user_emails AS SELECT id, email FROM users;
CREATE MATERIALIZED VIEW user_counts AS SELECT count(*) AS n FROM users;
SELECT id INTO archived_users FROM users;
CREATE INDEX users_email ON users (email);
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
CREATE SEQUENCE invoice_numbers;
CREATE SCHEMA billing;
CREATE SCHEMA reports CREATE TABLE daily (day date);
CREATE EXTENSION pgcrypto;
CREATE COLLATION german (provider = icu, locale = 'de-DE');
CREATE SERVER archive FOREIGN DATA WRAPPER postgres_fdw;
CREATE FOREIGN TABLE remote_users (id bigint) SERVER archive;
CREATE STATISTICS users_stats ON id, email FROM users;
CREATE USER MAPPING FOR CURRENT_USER SERVER archive;
ALTER TABLE users ADD COLUMN name text;
ALTER TABLE ONLY users ADD nickname text, ADD COLUMN IF NOT EXISTS bio text, ADD COLUMN age int;
ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';

-- In a DO block: unguarded, or guarded against the wrong error.
DO $$
BEGIN
  CREATE TABLE audit_log (id bigint);
  EXECUTE 'ALTER TABLE audit_log ADD COLUMN at timestamptz';
END $$;

DO $$
BEGIN
  CREATE INDEX audit_log_at ON audit_log (at);
EXCEPTION WHEN duplicate_object THEN NULL;  -- a second CREATE INDEX raises duplicate_table
END $$;

DO $$
BEGIN
  IF (SELECT count(*) FROM users) > 0 THEN  -- a test of data, not of the catalog
    CREATE TABLE user_backup AS SELECT * FROM users;
  END IF;
END $$;

-- A DROP first is no guard for a table: a second run empties it.
DROP TABLE IF EXISTS settings;
CREATE TABLE settings (key text PRIMARY KEY, value text);

-- Guards that cannot find what they guard.
DO $$ BEGIN
  IF to_regclass('audit_logs') IS NULL THEN
    CREATE TABLE audit_log (id bigint);
  END IF;
  -- information_schema.tables lists no materialized views and no sequences.
  IF NOT EXISTS (SELECT FROM information_schema.tables WHERE table_name = 'daily_totals') THEN
    CREATE MATERIALIZED VIEW daily_totals AS SELECT 1 AS n;
  END IF;
  IF NOT EXISTS (SELECT FROM information_schema.tables WHERE table_name = 'invoice_no') THEN
    CREATE SEQUENCE invoice_no;
  END IF;
  IF NOT EXISTS (SELECT FROM information_schema.columns
                 WHERE table_name = 'users' AND column_name = 'CreatedAt') THEN
    ALTER TABLE users ADD COLUMN CreatedAt timestamptz;
  END IF;
  IF NOT EXISTS (SELECT FROM information_schema.columns
                 WHERE table_name = 'users' AND column_name = 'alias_name') THEN
    ALTER TABLE users ADD COLUMN display_name text;
  END IF;
END $$;
-- A unique index rebuilt by dropping it first, then referenced by a foreign key the file makes:
-- on a second run the foreign key depends on the index, and the DROP fails.
CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, phone text);
DROP INDEX IF EXISTS accounts_phone_uniq;
CREATE UNIQUE INDEX accounts_phone_uniq ON accounts (phone);
CREATE TABLE IF NOT EXISTS sms_optins (phone text REFERENCES accounts (phone));

-- Schema per tenant: the template has no IF NOT EXISTS, and the second run makes the index again.
DO $$
DECLARE
  s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' LOOP
    EXECUTE format('CREATE INDEX orders_placed_at_idx ON %I.orders (placed_at)', s);
    EXECUTE format('CREATE TABLE %I.%I (id bigint PRIMARY KEY, note %s)', s, 'notes', 'text');
  END LOOP;
END
$$;

-- The widening swap of a key: the second run finds no id_new (renamed to id), adds it again and
-- repeats the whole swap on the keys the first run left (and what depends on them).
ALTER TABLE invoices ADD COLUMN id_new bigint;
UPDATE invoices SET id_new = id;
ALTER TABLE invoices RENAME COLUMN id TO id_old;
ALTER TABLE invoices RENAME COLUMN id_new TO id;
ALTER TABLE invoices DROP COLUMN id_old;
-- A materialized view rebuilt while another one the file makes on it is left in place: the second
-- run's DROP fails on it.
DROP MATERIALIZED VIEW IF EXISTS sales_totals;
CREATE MATERIALIZED VIEW sales_totals AS SELECT 1 AS region, 2 AS total;
CREATE MATERIALIZED VIEW IF NOT EXISTS top_sales AS SELECT region FROM sales_totals;
-- A swap guarded by jobs_old, which the branch itself makes (RENAME jobs TO jobs_old) and drops:
-- the test is true on every run, and the second run's copy of jobs has revision already.
DO $$
BEGIN
    IF to_regclass('jobq.jobs_old') IS NULL THEN
        CREATE TABLE jobq.jobs_new (LIKE jobq.jobs INCLUDING ALL);
        ALTER TABLE jobq.jobs_new ADD COLUMN revision integer NOT NULL DEFAULT 0;
        INSERT INTO jobq.jobs_new SELECT j.*, 0 FROM jobq.jobs j;
        ALTER TABLE jobq.jobs RENAME TO jobs_old;
        ALTER TABLE jobq.jobs_new RENAME TO jobs;
        DROP TABLE jobq.jobs_old;
    END IF;
END
$$;
-- pg_dump's header empties the search path: to_regclass('pgd_invoice_id_idx') never finds the
-- index, which CREATE INDEX makes in public, its table's schema, and the second run fails
-- (relation "pgd_invoice_id_idx" already exists).
SELECT pg_catalog.set_config('search_path', '', false);
DO $$
BEGIN
    IF to_regclass('pgd_invoice_id_idx') IS NULL THEN
        CREATE INDEX pgd_invoice_id_idx ON public.invoices USING btree (id);
    END IF;
END
$$;

-- IF NOT EXISTS is no guard when the file renames the column away afterwards: the second run
-- finds no uuid (renamed to id), adds one with new random values and makes it the key again.
ALTER TABLE members ADD COLUMN IF NOT EXISTS uuid uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE members DROP CONSTRAINT IF EXISTS members_pkey;
ALTER TABLE members DROP COLUMN IF EXISTS id;
ALTER TABLE members RENAME COLUMN uuid TO id;
ALTER TABLE members ADD PRIMARY KEY (id);

-- Renamed away before the ADD, the name is free on the second run too: it renames the first run's
-- serial id to legacy_uuid, adds another id from a new sequence and drops the first.
ALTER TABLE patrons DROP CONSTRAINT IF EXISTS patrons_pkey;
ALTER TABLE patrons RENAME COLUMN id TO legacy_uuid;
ALTER TABLE patrons ADD COLUMN id serial PRIMARY KEY;
ALTER TABLE patrons DROP COLUMN legacy_uuid;
ALTER TABLE patrons_v2 RENAME COLUMN id TO legacy_uuid;
ALTER TABLE patrons_v2 ADD COLUMN IF NOT EXISTS id serial PRIMARY KEY;
ALTER TABLE patrons_v2 DROP COLUMN legacy_uuid;
