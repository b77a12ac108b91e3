-- Re-runnable: this file runs twice in a row without an error.
-- (users, users_id_idx, hosts, tags, contacts and the archive schema come from earlier migrations.)
-- A renamed relation's IF EXISTS finds nothing on a repeat, and skips.
ALTER TABLE IF EXISTS users RENAME TO accounts;
ALTER INDEX IF EXISTS users_id_idx RENAME TO accounts_id_idx;
ALTER VIEW IF EXISTS active_users RENAME TO active_accounts;
ALTER MATERIALIZED VIEW IF EXISTS user_counts RENAME TO account_counts;
ALTER SEQUENCE IF EXISTS users_id_seq RENAME TO accounts_id_seq;
ALTER TABLE IF EXISTS accounts SET SCHEMA archive;
-- Moving an extension again finds it there already.
CREATE EXTENSION IF NOT EXISTS hstore;
ALTER EXTENSION hstore SET SCHEMA archive;

-- Guarded by a catalog test, or by the error a second run raises.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
              WHERE table_name = 'hosts' AND column_name = 'info') THEN
    ALTER TABLE hosts RENAME COLUMN info TO details;
  END IF;
END $$;

DO $$
BEGIN
  ALTER TABLE hosts RENAME COLUMN id TO host_id;
EXCEPTION WHEN undefined_column THEN NULL;
END $$;

DO $$ BEGIN
  CREATE TYPE mood AS ENUM ('ok');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_enum WHERE enumlabel = 'ok' AND enumtypid = 'mood'::regtype) THEN
    ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';
  END IF;
END $$;

-- Temporary tables are made afresh by every run.
CREATE TEMP TABLE import_rows (id int);
ALTER TABLE import_rows RENAME COLUMN id TO row_id;

-- A table the file makes afresh has its old column names again.
DROP TABLE IF EXISTS report_rows;
CREATE TABLE report_rows (id int, total int);
ALTER TABLE report_rows RENAME COLUMN total TO amount;

-- Deliberately run once.
-- sqlgate:run-once renamed once by release 2.0; the old name is gone everywhere
ALTER TABLE hosts RENAME TO machines;

-- Renamed away and made again, guarded by a test of the new name.
DO $$ BEGIN
  IF to_regclass('events_old') IS NULL THEN
    ALTER TABLE events RENAME TO events_old;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, payload jsonb);
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_tables WHERE schemaname = 'archive' AND tablename = 'metrics') THEN
    ALTER TABLE metrics SET SCHEMA archive;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS metrics (id bigint);
-- Moved away, and made in the schema it moved to: the old name stays free.
ALTER TABLE IF EXISTS reports SET SCHEMA archive;
CREATE TABLE IF NOT EXISTS archive.reports (id bigint);
-- Renamed, and nothing takes the old name again.
ALTER TABLE IF EXISTS sessions RENAME TO sessions_old;
CREATE TABLE IF NOT EXISTS sessions_new (id bigint);
-- Renamed away, made again, and the old copy dropped: the second run does the same again.
ALTER TABLE policies RENAME TO policies_old;
CREATE TABLE IF NOT EXISTS policies (id bigint);
INSERT INTO policies SELECT id FROM policies_old;
DROP TABLE policies_old;
-- Made again first, but the new name is dropped or renamed away first: the second run renames the
-- new one onto a free name.
CREATE TABLE IF NOT EXISTS ledger_new (id bigint PRIMARY KEY);
DROP TABLE IF EXISTS ledger;
ALTER TABLE IF EXISTS ledger_new RENAME TO ledger;
CREATE TABLE IF NOT EXISTS tags_new (id bigint PRIMARY KEY);
ALTER TABLE IF EXISTS tags RENAME TO tags_old;
ALTER TABLE IF EXISTS tags_new RENAME TO tags;
DROP TABLE IF EXISTS tags_old;
ALTER TABLE ledger ADD COLUMN IF NOT EXISTS amount_cents bigint;
ALTER TABLE ledger DROP COLUMN IF EXISTS amount;
ALTER TABLE IF EXISTS ledger RENAME COLUMN amount_cents TO amount;
-- Made and renamed together under a test of the new name.
DO $$ BEGIN
  IF to_regclass('journal') IS NULL THEN
    CREATE TABLE journal_v1 (id bigint);
    ALTER TABLE journal_v1 RENAME TO journal;
  END IF;
END $$;
-- A column added again afterwards, guarded by a test of its new name.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM information_schema.columns
                 WHERE table_name = 'contacts' AND column_name = 'phone_number') THEN
    ALTER TABLE contacts RENAME COLUMN phone TO phone_number;
  END IF;
END $$;
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS phone text;
-- A column renamed away, added again, and the renamed one dropped: the second run does the same.
ALTER TABLE contacts RENAME COLUMN email TO email_old;
ALTER TABLE contacts ADD COLUMN email text;
UPDATE contacts SET email = lower(email_old);
ALTER TABLE contacts DROP COLUMN email_old;
-- TypeORM's enum change: the type renamed away, made again under its name, the old one dropped;
-- its down swaps back. A second run of either finds the same names as the first.
ALTER TYPE "public"."users_role_enum" RENAME TO "users_role_enum_old";
CREATE TYPE "public"."users_role_enum" AS ENUM('admin', 'editor', 'viewer', 'moderator');
ALTER TABLE "users" ALTER COLUMN "role" TYPE "public"."users_role_enum" USING "role"::"text"::"public"."users_role_enum";
DROP TYPE "public"."users_role_enum_old";
CREATE TYPE "public"."tickets_state_enum_old" AS ENUM('open', 'closed');
ALTER TABLE "tickets" ALTER COLUMN "state" TYPE "public"."tickets_state_enum_old" USING "state"::"text"::"public"."tickets_state_enum_old";
DROP TYPE "public"."tickets_state_enum";
ALTER TYPE "public"."tickets_state_enum_old" RENAME TO "tickets_state_enum";

-- An exchange guarded by what it changes: the column's type.
DO $$
BEGIN
  IF (SELECT data_type FROM information_schema.columns
      WHERE table_name = 'ci_builds' AND column_name = 'project_id') = 'integer' THEN
    ALTER TABLE ci_builds RENAME COLUMN project_id TO project_id_tmp;
    ALTER TABLE ci_builds RENAME COLUMN project_id_convert_to_bigint TO project_id;
    ALTER TABLE ci_builds RENAME COLUMN project_id_tmp TO project_id_convert_to_bigint;
  END IF;
END $$;

-- The down of a move: a column renamed under IF EXISTS, then the view moved back. A second run
-- finds no billing.invoice_totals and skips both.
ALTER VIEW IF EXISTS billing.invoice_totals RENAME COLUMN amount TO amt;
ALTER VIEW IF EXISTS billing.invoice_totals SET SCHEMA public;
ALTER TABLE IF EXISTS staging_rows RENAME COLUMN payload TO body;
DROP TABLE IF EXISTS staging_rows;

-- information_schema.attributes lists a composite type's attributes (udt_name: the type).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.attributes
                 WHERE udt_name = 'money_amount' AND attribute_name = 'currency_code') THEN
    ALTER TYPE money_amount RENAME ATTRIBUTE currency TO currency_code;
  END IF;
END $$;
-- ALTER VIEW of a materialized view fails on its first run ("daily_revenue" is not a view), not
-- on the second: invalid-ddl reports it.
CREATE MATERIALIZED VIEW IF NOT EXISTS daily_revenue AS SELECT 1 AS revenue WITH NO DATA;
ALTER VIEW daily_revenue RENAME TO daily_revenue_v1;

-- The function made and moved together, while the new name does not exist yet.
DO $$
BEGIN
  IF to_regprocedure('app.settings_get(text)') IS NULL THEN
    CREATE OR REPLACE FUNCTION public.settings_get(p_key text) RETURNS text
    LANGUAGE sql STABLE AS $f$ SELECT p_key $f$;
    ALTER FUNCTION public.settings_get(text) SET SCHEMA app;
  END IF;
END $$;
-- Made again and renamed, and the new name dropped afterwards: the second run renames onto a
-- free name.
CREATE OR REPLACE FUNCTION staging_total(p bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT p $$;
ALTER FUNCTION staging_total(bigint) RENAME TO staging_total_old;
DROP FUNCTION staging_total_old(bigint);
-- The down of a swap, run only while the table to put back is there.
DO $$ BEGIN
  IF to_regclass('pallets_old') IS NOT NULL THEN
    ALTER TABLE pallets RENAME TO pallets_new;
    ALTER TABLE pallets_old RENAME TO pallets;
    DROP TABLE pallets_new;
  END IF;
END $$;

-- data_type as information_schema spells it, and udt_name with the internal name
CREATE TABLE IF NOT EXISTS gr_bills (id integer PRIMARY KEY, id_new bigint);
DO $$
BEGIN
  IF (SELECT data_type FROM information_schema.columns
      WHERE table_name = 'gr_bills' AND column_name = 'id') = 'integer' THEN
    ALTER TABLE gr_bills RENAME COLUMN id TO id_old;
  END IF;
  IF EXISTS (SELECT FROM information_schema.columns
             WHERE table_name = 'gr_bills' AND column_name = 'id_new' AND udt_name = 'int8') THEN
    ALTER TABLE gr_bills RENAME COLUMN id_new TO id_wide;
  END IF;
END $$;
