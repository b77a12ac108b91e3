DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dor_web_api') THEN
    CREATE ROLE dor_web_api NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO dor_web_api;
