-- PUBLIC never had EXECUTE on it (proacl {postgres=X/postgres} once made): the REVOKE changes
-- nothing, and a GRANT ... TO PUBLIC in the down would let every role call it
REVOKE ALL ON FUNCTION dpc_app.current_tenant_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dpc_app.current_tenant_id() TO dpc_tenant_app;
