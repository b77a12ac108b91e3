-- REVOKE SELECT leaves INSERT and UPDATE.
REVOKE SELECT ON payout_rows FROM payout_writer;
DROP ROLE IF EXISTS payout_writer;
-- A REVOKE on TABLES leaves what was given on SEQUENCES.
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM payout_reader;
DROP ROLE IF EXISTS payout_reader;
-- A REVOKE without IN SCHEMA leaves what was given IN SCHEMA public.
ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM payout_auditor;
DROP ROLE IF EXISTS payout_auditor;
DROP TABLE IF EXISTS payout_rows;
