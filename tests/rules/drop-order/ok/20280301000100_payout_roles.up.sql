CREATE TABLE IF NOT EXISTS payout_rows (id bigint PRIMARY KEY, body text);
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'payout_writer') THEN
    CREATE ROLE payout_writer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'payout_reader') THEN
    CREATE ROLE payout_reader NOLOGIN;
  END IF;
END $$;
GRANT SELECT, INSERT, UPDATE ON payout_rows TO payout_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO payout_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO payout_reader;
