DROP FUNCTION IF EXISTS note_tenant();
-- USING alone: WITH CHECK still calls note_writer()
ALTER POLICY tenant_notes_scope ON tenant_notes
    USING (tenant_id = current_setting('app.tenant_id', true)::bigint);
DROP FUNCTION IF EXISTS note_writer();
