-- A list- or range-partitioned table takes a DEFAULT partition; a hash one is covered by its
-- remainders.
CREATE TABLE IF NOT EXISTS tenant_event_log (
    kind text NOT NULL,
    payload jsonb
) PARTITION BY LIST (kind);
CREATE TABLE IF NOT EXISTS tenant_event_log_other PARTITION OF tenant_event_log DEFAULT;
-- There already: skipped before its bound is read.
CREATE TABLE IF NOT EXISTS tenant_event_p0 PARTITION OF tenant_event DEFAULT;
