DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dp_reader') THEN
        CREATE ROLE dp_reader NOLOGIN;
    END IF;
END $$;
