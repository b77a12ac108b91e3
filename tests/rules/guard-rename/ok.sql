-- Re-runnable: this file runs twice in a row without an error.
-- (users, users_id_idx, hosts and the archive schema come from earlier migrations.)
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
