DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ps_keeper') THEN
        CREATE ROLE ps_keeper NOLOGIN;
    END IF;
END
$$;
