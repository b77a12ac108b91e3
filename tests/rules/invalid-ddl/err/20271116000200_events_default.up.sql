-- A hash-partitioned table has no DEFAULT partition.
CREATE TABLE IF NOT EXISTS tenant_event_default PARTITION OF tenant_event DEFAULT;
CREATE TABLE IF NOT EXISTS tenant_event_rest (LIKE tenant_event);
ALTER TABLE tenant_event ATTACH PARTITION tenant_event_rest DEFAULT;
