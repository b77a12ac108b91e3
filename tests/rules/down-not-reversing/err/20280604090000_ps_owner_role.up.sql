DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ps_owner') THEN
        CREATE ROLE ps_owner NOLOGIN;
    END IF;
END
$$;
