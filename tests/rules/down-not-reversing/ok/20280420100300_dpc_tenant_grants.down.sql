REVOKE EXECUTE ON FUNCTION dpc_app.current_tenant_id() FROM dpc_tenant_app;
