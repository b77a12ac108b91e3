CREATE TABLE IF NOT EXISTS tenant_notes (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
ALTER TABLE tenant_notes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_notes_scope ON tenant_notes;
CREATE POLICY tenant_notes_scope ON tenant_notes
    USING (tenant_id = current_setting('app.tenant_id', true)::bigint);
