DROP TABLE IF EXISTS tenant_notes;
