-- Functions are private unless granted (PUBLIC lost EXECUTE on new functions in
-- 20261210000200_function_defaults already: the down has nothing to give back).
CREATE SCHEMA IF NOT EXISTS dpc_app;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
CREATE OR REPLACE FUNCTION dpc_app.current_tenant_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
