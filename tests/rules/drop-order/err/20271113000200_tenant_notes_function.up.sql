CREATE OR REPLACE FUNCTION note_tenant() RETURNS bigint
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::bigint $$;
CREATE OR REPLACE FUNCTION note_writer() RETURNS bigint
    LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.writer_id', true), '')::bigint $$;
ALTER POLICY tenant_notes_scope ON tenant_notes
    USING (tenant_id = note_tenant()) WITH CHECK (tenant_id = note_writer());
-- TO roles alone keeps the expressions, and what they call.
ALTER POLICY tenant_notes_scope ON tenant_notes TO PUBLIC;
