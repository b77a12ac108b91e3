DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dor_report_owner') THEN
        CREATE ROLE dor_report_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dor_report_reader') THEN
        CREATE ROLE dor_report_reader NOLOGIN;
    END IF;
END
$$;
-- Tables the owner role makes are readable by the reader role.
ALTER DEFAULT PRIVILEGES FOR ROLE dor_report_owner GRANT SELECT ON TABLES TO dor_report_reader;
