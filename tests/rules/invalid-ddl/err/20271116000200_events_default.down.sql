ALTER TABLE IF EXISTS tenant_event DETACH PARTITION tenant_event_rest;
DROP TABLE IF EXISTS tenant_event_rest;
DROP TABLE IF EXISTS tenant_event_default;
