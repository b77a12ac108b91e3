CREATE TABLE IF NOT EXISTS tenant_docs (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
ALTER TABLE tenant_docs ENABLE ROW LEVEL SECURITY;
CREATE OR REPLACE FUNCTION doc_tenant() RETURNS bigint
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::bigint $$;
DROP POLICY IF EXISTS tenant_docs_scope ON tenant_docs;
CREATE POLICY tenant_docs_scope ON tenant_docs USING (tenant_id = doc_tenant());
