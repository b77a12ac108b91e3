DROP FUNCTION IF EXISTS dpc_app.current_tenant_id();
DROP SCHEMA IF EXISTS dpc_app;
