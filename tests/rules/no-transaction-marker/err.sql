CREATE TABLE IF NOT EXISTS audit_log (id bigint PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_at_idx ON audit_log (at);
  REINDEX INDEX CONCURRENTLY audit_log_at_idx;
VACUUM (ANALYZE) audit_log;
REINDEX SCHEMA public;
CREATE DATABASE reporting;
DROP DATABASE IF EXISTS scratch;
ALTER DATABASE app SET TABLESPACE fast;
ALTER SYSTEM SET work_mem = '64MB';
CREATE TABLESPACE fast LOCATION '/mnt/fast';
DROP TABLESPACE IF EXISTS slow;
CLUSTER;
DISCARD ALL;
CREATE SUBSCRIPTION sub CONNECTION 'dbname=app' PUBLICATION pub;
ALTER SUBSCRIPTION sub REFRESH PUBLICATION;
ALTER SUBSCRIPTION sub ADD PUBLICATION pub2;
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;
DROP INDEX CONCURRENTLY IF EXISTS audit_log_old_idx;
DO $$
DECLARE n integer;
BEGIN
  LOOP
    UPDATE users SET email = lower(email) WHERE id IN (SELECT id FROM users WHERE email <> lower(email) LIMIT 1000);
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
    COMMIT;
  END LOOP;
END $$;
-- In a DO block it fails with the marker too: the block runs as a function.
DO $$
BEGIN
  IF to_regclass('users_name_idx') IS NULL THEN
    CREATE INDEX CONCURRENTLY users_name_idx ON users (name);
  END IF;
END $$;
-- A procedure that commits between batches: CALL ends the transaction as COMMIT in a DO does.
CREATE OR REPLACE PROCEDURE lower_emails() LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET email = lower(email) WHERE email <> lower(email);
  COMMIT;
END $$;
CALL lower_emails();
DO $$ BEGIN CALL public.lower_emails(); END $$;
-- SECURITY DEFINER (or a SET clause) forbids the COMMIT wherever the CALL runs.
CREATE OR REPLACE PROCEDURE purge_sessions() LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  DELETE FROM sessions WHERE expires_at < now();
  ROLLBACK;
END $$;
CALL purge_sessions();
-- COMMIT or ROLLBACK inside a block with an EXCEPTION clause fails with the marker too: PostgreSQL
-- runs such a block as a subtransaction ("cannot commit while a subtransaction is active").
DO $$
DECLARE
  n integer;
BEGIN
  LOOP
    BEGIN
      UPDATE users SET email = lower(email)
       WHERE id IN (SELECT id FROM users WHERE email <> lower(email) LIMIT 1000);
      GET DIAGNOSTICS n = ROW_COUNT;
      COMMIT;
    EXCEPTION WHEN lock_not_available THEN
      PERFORM pg_sleep(1);
    END;
    EXIT WHEN n = 0;
  END LOOP;
END $$;
CREATE OR REPLACE PROCEDURE expire_sessions() LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sessions WHERE expires_at < now();
  ROLLBACK;
EXCEPTION WHEN undefined_table THEN
  NULL;
END $$;
CALL expire_sessions();
-- A handler that catches the refusal but raises again fails the block all the same.
DO $$
BEGIN
  UPDATE users SET email = lower(email) WHERE email <> lower(email);
  COMMIT;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'backfill failed: %', SQLERRM;
  RAISE;
END $$;
-- A procedure that CALLs one that commits commits too, when the outer CALL runs outside a
-- transaction block; inside one, "invalid transaction termination".
CREATE OR REPLACE PROCEDURE lower_all_emails() LANGUAGE plpgsql AS $$
BEGIN
  CALL lower_emails();
END $$;
CALL lower_all_emails();
