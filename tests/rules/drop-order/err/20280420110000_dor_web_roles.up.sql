-- Roles for web requests: usage of schema public, which no migration makes, and reading a table
-- made before the migrations.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dor_web_anon') THEN
    CREATE ROLE dor_web_anon NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dor_web_api') THEN
    CREATE ROLE dor_web_api NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO dor_web_anon, dor_web_api;
GRANT SELECT ON dor_legacy_accounts TO dor_web_api;
