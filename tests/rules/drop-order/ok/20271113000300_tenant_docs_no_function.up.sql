-- USING no longer calls doc_tenant(): the function can go.
ALTER POLICY tenant_docs_scope ON tenant_docs
    USING (tenant_id = current_setting('app.tenant_id', true)::bigint);
DROP FUNCTION IF EXISTS doc_tenant();
