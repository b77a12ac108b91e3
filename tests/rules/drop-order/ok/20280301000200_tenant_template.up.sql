DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'saas_owner') THEN
    CREATE ROLE saas_owner NOLOGIN;
  END IF;
END $$;
CREATE SCHEMA IF NOT EXISTS tenant_template AUTHORIZATION saas_owner;
