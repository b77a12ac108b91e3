-- A partitioned event log whose time column is timestamp without a time zone: the server's
-- and each client's TimeZone setting decide what the stored value means.
CREATE TABLE IF NOT EXISTS project_events (
    project_id   bigint NOT NULL,
    kind         text NOT NULL,
    happened_at  timestamp NOT NULL
) PARTITION BY RANGE (happened_at);

CREATE TABLE IF NOT EXISTS project_events_2024 PARTITION OF project_events
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE IF NOT EXISTS project_events_2025 PARTITION OF project_events
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
