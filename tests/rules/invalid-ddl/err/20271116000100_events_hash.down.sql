DROP TABLE IF EXISTS tenant_event;
