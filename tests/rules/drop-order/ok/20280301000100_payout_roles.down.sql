-- Each privilege revoked, one REVOKE at a time, before the DROP ROLE.
REVOKE SELECT ON payout_rows FROM payout_writer;
REVOKE INSERT, UPDATE ON payout_rows FROM payout_writer;
DROP ROLE IF EXISTS payout_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM payout_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM payout_reader;
DROP ROLE IF EXISTS payout_reader;
DROP TABLE IF EXISTS payout_rows;
