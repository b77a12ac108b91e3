CREATE TABLE IF NOT EXISTS projects (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
CREATE INDEX IF NOT EXISTS projects_tenant_idx ON projects (tenant_id);
