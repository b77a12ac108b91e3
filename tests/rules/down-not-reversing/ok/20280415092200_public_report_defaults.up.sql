DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dnr_report_owner') THEN
        CREATE ROLE dnr_report_owner NOLOGIN;
    END IF;
END
$$;
ALTER DEFAULT PRIVILEGES FOR ROLE dnr_report_owner GRANT SELECT ON TABLES TO PUBLIC;
