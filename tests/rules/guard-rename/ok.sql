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
