DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'report_reader') THEN
    CREATE ROLE report_reader NOLOGIN;
  END IF;
END $$;
CREATE SCHEMA IF NOT EXISTS reports;
GRANT USAGE ON SCHEMA reports TO report_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA reports GRANT SELECT ON TABLES TO report_reader;
CREATE TABLE IF NOT EXISTS reports.daily_totals (day date PRIMARY KEY, total numeric);
GRANT SELECT ON reports.daily_totals TO report_reader;
