CREATE TABLE fixj_docs (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
ALTER TABLE fixj_docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE fixj_docs FORCE ROW LEVEL SECURITY;
CREATE POLICY fixj_insert ON fixj_docs FOR INSERT
  WITH CHECK (tenant_id = current_setting('app.tenant')::bigint);
CREATE POLICY fixj_read ON fixj_docs FOR SELECT USING (true);
CREATE POLICY fixj_delete ON fixj_docs FOR DELETE USING (true);
CREATE POLICY fixj_update ON fixj_docs FOR UPDATE USING (true) WITH CHECK (true);
CREATE POLICY fixj_all ON fixj_docs USING (true) WITH CHECK (true);
ALTER POLICY fixj_insert ON fixj_docs WITH CHECK (tenant_id > 0);
ALTER POLICY fixj_read ON fixj_docs USING (tenant_id > 0);
ALTER POLICY fixj_update ON fixj_docs WITH CHECK (tenant_id > 0);
CREATE TABLE fixj_parts (id bigint, tenant_id bigint) PARTITION BY RANGE (id);
ALTER TABLE fixj_parts ENABLE ROW LEVEL SECURITY;
CREATE POLICY fixj_parts_all ON fixj_parts USING (tenant_id > 0);
CREATE VIEW fixj_docs_v AS SELECT id FROM fixj_docs;
DROP POLICY IF EXISTS fixj_gone ON fixj_docs_v;
