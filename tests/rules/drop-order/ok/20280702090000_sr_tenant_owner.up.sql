CREATE SCHEMA IF NOT EXISTS sr_tenant_acme;
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sr_acme_owner') THEN
    CREATE ROLE sr_acme_owner NOLOGIN;
  END IF;
END $$;
GRANT USAGE, CREATE ON SCHEMA sr_tenant_acme TO sr_acme_owner;
SET LOCAL ROLE sr_acme_owner;
CREATE TABLE IF NOT EXISTS sr_tenant_acme.projects (id bigint PRIMARY KEY, name text NOT NULL);
RESET ROLE;
-- Made by the role running the migrations: sr_acme_owner owns nothing here.
CREATE TABLE IF NOT EXISTS sr_tenant_acme.settings (id bigint PRIMARY KEY);
