CREATE TABLE IF NOT EXISTS tenant_event (
    tenant_id bigint NOT NULL,
    payload jsonb
) PARTITION BY HASH (tenant_id);
CREATE TABLE IF NOT EXISTS tenant_event_p0 PARTITION OF tenant_event
    FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE IF NOT EXISTS tenant_event_p1 PARTITION OF tenant_event
    FOR VALUES WITH (MODULUS 2, REMAINDER 1);
