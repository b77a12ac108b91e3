CREATE OR REPLACE FUNCTION doc_tenant() RETURNS bigint
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::bigint $$;
ALTER POLICY tenant_docs_scope ON tenant_docs USING (tenant_id = doc_tenant());
