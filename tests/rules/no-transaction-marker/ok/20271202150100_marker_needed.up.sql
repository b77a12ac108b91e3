-- sqlgate:no-transaction
-- The marker is there, and the statements need it.
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
DROP INDEX CONCURRENTLY IF EXISTS users_old_email_idx;

-- These run in a transaction and need nothing.
ANALYZE users;
REINDEX TABLE users;
CLUSTER users USING users_pkey;
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm';
ALTER DATABASE app SET work_mem = '64MB';
CREATE SUBSCRIPTION sub CONNECTION 'dbname=app' PUBLICATION pub WITH (connect = false);
ALTER SUBSCRIPTION sub SET PUBLICATION pub WITH (refresh = false);
-- A backfill that commits between batches: PostgreSQL allows COMMIT in a DO block only outside
-- a transaction block.
DO $$
BEGIN
  FOR i IN 1..10 LOOP
    UPDATE users SET email = lower(email) WHERE id % 10 = i - 1;
    COMMIT;
  END LOOP;
END $$;
-- So does a procedure that commits, called here; one that does not commit needs nothing.
CREATE OR REPLACE PROCEDURE lower_emails() LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET email = lower(email) WHERE email <> lower(email);
  COMMIT;
END $$;
CALL lower_emails();
DO $$ BEGIN CALL lower_emails(); END $$;
CREATE OR REPLACE PROCEDURE touch_users() LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  UPDATE users SET updated_at = now();
END $$;
CALL touch_users();
