CREATE TABLE fixj_docs (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
ALTER TABLE fixj_docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY fixj_insert ON fixj_docs FOR INSERT
  USING (tenant_id = current_setting('app.tenant')::bigint);
CREATE POLICY fixj_read ON fixj_docs FOR SELECT USING (true)
  WITH CHECK (tenant_id = current_setting('app.tenant')::bigint);
CREATE POLICY fixj_delete ON fixj_docs FOR DELETE WITH CHECK (true);
CREATE POLICY fixj_write ON fixj_docs FOR INSERT WITH CHECK (true);
CREATE POLICY fixj_see ON fixj_docs FOR SELECT USING (true);
ALTER POLICY fixj_write ON fixj_docs USING (tenant_id > 0);
ALTER POLICY fixj_see ON fixj_docs WITH CHECK (tenant_id > 0);
