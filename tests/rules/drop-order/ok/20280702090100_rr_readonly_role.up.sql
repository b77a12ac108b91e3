CREATE SCHEMA IF NOT EXISTS rr_tenancy;
CREATE TABLE IF NOT EXISTS rr_tenancy.tenants (id bigint PRIMARY KEY, slug text NOT NULL);
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rr_app_readonly') THEN
    CREATE ROLE rr_app_readonly NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA rr_tenancy TO rr_app_readonly;
GRANT SELECT ON rr_tenancy.tenants TO rr_app_readonly;
GRANT USAGE ON SCHEMA public TO rr_app_readonly;
