-- Each fails when the migration runs a second time: the old name is gone.
ALTER TABLE users RENAME COLUMN name TO full_name;
ALTER TABLE IF EXISTS customers RENAME COLUMN email TO email_address;  -- customers is still there
ALTER TABLE users RENAME nickname TO handle;
ALTER TABLE users RENAME CONSTRAINT users_age_check TO users_age_positive;
ALTER TABLE users RENAME TO accounts;
ALTER INDEX accounts_email_idx RENAME TO accounts_email;
ALTER VIEW active_users RENAME TO active_accounts;
ALTER MATERIALIZED VIEW user_counts RENAME TO account_counts;
ALTER SEQUENCE users_id_seq RENAME TO accounts_id_seq;
ALTER TABLE accounts SET SCHEMA archive;
ALTER VIEW active_accounts RENAME COLUMN id TO account_id;
ALTER TYPE mood RENAME TO feeling;
ALTER TYPE feeling RENAME VALUE 'ok' TO 'fine';
ALTER TYPE address RENAME ATTRIBUTE zip TO postal_code;
ALTER DOMAIN email_address RENAME CONSTRAINT email_has_at TO email_valid;
ALTER FUNCTION touch() RENAME TO touch_updated_at;
ALTER FUNCTION touch_updated_at() SET SCHEMA archive;
ALTER TRIGGER users_touch ON accounts RENAME TO accounts_touch;
ALTER POLICY users_own_rows ON accounts RENAME TO accounts_own_rows;
ALTER SCHEMA billing RENAME TO invoicing;
ALTER ROLE reporting RENAME TO reporter;
ALTER TYPE feeling SET SCHEMA archive;

-- In a DO block: unguarded, or guarded against the wrong error.
DO $$
BEGIN
  ALTER TABLE hosts RENAME COLUMN info TO details;
EXCEPTION WHEN undefined_table THEN NULL;  -- a second RENAME COLUMN raises undefined_column
END $$;

-- The guard tests another column.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_name = 'hosts' AND column_name = 'addr') THEN
    ALTER TABLE hosts RENAME COLUMN address TO location;
  END IF;
END $$;

-- The old name is made again afterwards: a second run renames or moves the new one too.
ALTER TABLE IF EXISTS events RENAME TO events_old;
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, payload jsonb);
ALTER INDEX IF EXISTS events_at_idx RENAME TO events_at_idx_old;
CREATE INDEX IF NOT EXISTS events_at_idx ON events (id);
ALTER TABLE IF EXISTS metrics SET SCHEMA archive;
CREATE TABLE IF NOT EXISTS metrics (id bigint);
ALTER TABLE jobs RENAME TO jobs_old;
CREATE TABLE IF NOT EXISTS jobs (id bigint);
-- A guard that tests the old name does not help: the file makes it again.
DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_tables WHERE tablename = 'tasks') THEN
    ALTER TABLE tasks RENAME TO tasks_old;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS tasks (id bigint);
-- The old name is made again first: the second run makes it anew, then renames or moves that one
-- onto the name the first run gave the old one.
CREATE TABLE IF NOT EXISTS legacy_accounts (id bigint PRIMARY KEY);
ALTER TABLE IF EXISTS legacy_accounts RENAME TO member_accounts;
CREATE OR REPLACE VIEW legacy_totals AS SELECT 1 AS total;
ALTER VIEW IF EXISTS legacy_totals RENAME TO totals;
CREATE SEQUENCE IF NOT EXISTS legacy_invoice_seq;
ALTER SEQUENCE IF EXISTS legacy_invoice_seq RENAME TO invoice_seq;
CREATE INDEX IF NOT EXISTS legacy_accounts_id_idx ON member_accounts (id);
ALTER INDEX IF EXISTS legacy_accounts_id_idx RENAME TO member_accounts_id_idx;
CREATE MATERIALIZED VIEW IF NOT EXISTS legacy_counts AS SELECT 1 AS n;
ALTER MATERIALIZED VIEW IF EXISTS legacy_counts RENAME TO counts;
CREATE SCHEMA IF NOT EXISTS app;
CREATE TABLE IF NOT EXISTS public.legacy_codes (code text PRIMARY KEY);
ALTER TABLE IF EXISTS public.legacy_codes SET SCHEMA app;
ALTER TABLE member_accounts ADD COLUMN IF NOT EXISTS mail text;
ALTER TABLE IF EXISTS member_accounts RENAME COLUMN mail TO email;
-- A guard around the rename alone leaves the table made anew beside the renamed one.
CREATE TABLE IF NOT EXISTS legacy_notes (id bigint);
DO $$ BEGIN
  IF to_regclass('notes') IS NULL THEN
    ALTER TABLE legacy_notes RENAME TO notes;
  END IF;
END $$;
-- A column added again afterwards, and a guard that tests its old name.
DO $$ BEGIN
  IF EXISTS (SELECT FROM information_schema.columns
             WHERE table_name = 'contacts' AND column_name = 'phone') THEN
    ALTER TABLE contacts RENAME COLUMN phone TO phone_number;
  END IF;
END $$;
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS phone text;

-- An exchange of two columns (GitLab's int to bigint swap): a second run exchanges them back; a
-- guard that tests only the names passes again.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_name = 'ci_builds' AND column_name = 'project_id_convert_to_bigint') THEN
    ALTER TABLE ci_builds RENAME COLUMN project_id TO project_id_tmp;
    ALTER TABLE ci_builds RENAME COLUMN project_id_convert_to_bigint TO project_id;
    ALTER TABLE ci_builds RENAME COLUMN project_id_tmp TO project_id_convert_to_bigint;
  END IF;
END $$;
ALTER TABLE IF EXISTS queue_a RENAME TO queue_tmp;
ALTER TABLE IF EXISTS queue_b RENAME TO queue_a;
ALTER TABLE IF EXISTS queue_tmp RENAME TO queue_b;

-- IF EXISTS on the view does not help: it is still there on the second run.
ALTER VIEW IF EXISTS billing.invoice_totals RENAME COLUMN amount TO amt;

-- information_schema.columns lists the columns of tables and views, never a composite type's
-- attributes: the test is always true, and the rename runs again.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                 WHERE table_name = 'money_amount' AND column_name = 'currency_code') THEN
    ALTER TYPE money_amount RENAME ATTRIBUTE currency TO currency_code;
  END IF;
END $$;

-- The test names the quoted table "LedgerEntry" in lower case: it finds nothing on any run, and
-- the rename never runs, not even the first time.
CREATE TABLE IF NOT EXISTS "LedgerEntry" (id bigint, name text);
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_name = 'ledgerentry' AND column_name = 'name') THEN
    ALTER TABLE "LedgerEntry" RENAME COLUMN "name" TO "fullName";
  END IF;
END $$;

-- CREATE OR REPLACE FUNCTION makes the function again on the second run (the first run moved it
-- away), and the move fails: function settings_get(text) already exists in schema "app". The
-- guard tests the old name, which the second run finds again.
CREATE OR REPLACE FUNCTION public.settings_get(p_key text) RETURNS text
LANGUAGE sql STABLE AS $$ SELECT p_key $$;
DO $$
BEGIN
  IF to_regprocedure('public.settings_get(text)') IS NOT NULL THEN
    ALTER FUNCTION public.settings_get(text) SET SCHEMA app;
  END IF;
END $$;
-- the same for a rename: function ticket_age(bigint) already exists in schema "public"
CREATE OR REPLACE FUNCTION ticket_age_v1(p bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT p $$;
ALTER FUNCTION ticket_age_v1(bigint) RENAME TO ticket_age;
-- renamed away, then made again: the second run renames the new one onto the taken name
ALTER FUNCTION priority_label(smallint) RENAME TO priority_label_old;
CREATE OR REPLACE FUNCTION priority_label(p smallint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'p' || p $$;

-- moved back out of a schema, then renamed without the schema: the second run finds no
-- reporting.agent_workload_v1 (schema "reporting" does not exist once the down has dropped it)
ALTER FUNCTION reporting.agent_workload_v1() SET SCHEMA public;
ALTER FUNCTION agent_workload_v1() RENAME TO agent_workload;

-- (in a schema of their own: the renames of one schema are read together as exchanges)
-- the down of a swap: a second run renames the shelves that line 157 made away, finds no
-- shelves_old and skips, and the DROP takes the table with its rows
ALTER TABLE depot.shelves RENAME TO shelves_new;
ALTER TABLE IF EXISTS depot.shelves_old RENAME TO shelves;
DROP TABLE depot.shelves_new;
-- the same without IF EXISTS: the second run stops at the rename back (relation "racks_old" does
-- not exist), and IF EXISTS there would let it go on
ALTER TABLE depot.racks RENAME TO racks_new;
ALTER TABLE depot.racks_old RENAME TO racks;
DROP TABLE depot.racks_new;
-- a swap: the second run finds the crates that the next line named so, and the rename fails with
-- relation "crates_old" already exists, IF EXISTS or not
CREATE TABLE IF NOT EXISTS depot.crates_new (id bigint PRIMARY KEY);
ALTER TABLE IF EXISTS depot.crates RENAME TO crates_old;
ALTER TABLE IF EXISTS depot.crates_new RENAME TO crates;
CREATE TABLE IF NOT EXISTS depot.bins_new (id bigint PRIMARY KEY);
ALTER TABLE depot.bins RENAME TO bins_old;
ALTER TABLE depot.bins_new RENAME TO bins;

-- a guard that compares information_schema's data_type with udt_name's spelling: data_type is
-- 'integer' and 'bigint', never 'int4' or 'int8', so no run renames anything
CREATE TABLE IF NOT EXISTS gr_invoices (id integer PRIMARY KEY, id_new bigint);
DO $$
BEGIN
  IF (SELECT data_type FROM information_schema.columns
      WHERE table_name = 'gr_invoices' AND column_name = 'id') = 'int4' THEN
    ALTER TABLE gr_invoices RENAME COLUMN id TO id_old;
  END IF;
  IF EXISTS (SELECT FROM information_schema.columns
             WHERE table_name = 'gr_invoices' AND column_name = 'id_new' AND data_type = 'int8') THEN
    ALTER TABLE gr_invoices RENAME COLUMN id_new TO id_wide;
  END IF;
END $$;
