CREATE TABLE IF NOT EXISTS samples (ts timestamptz NOT NULL, v double precision)
    PARTITION BY RANGE (ts) WITH (fillfactor = 90);
CREATE TABLE IF NOT EXISTS readings (ts timestamptz NOT NULL, v double precision) PARTITION BY RANGE (ts);
CREATE TABLE IF NOT EXISTS readings_2024_01 PARTITION OF readings
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE INDEX IF NOT EXISTS readings_ts_idx ON readings (ts);
-- The partitioned table itself has no storage: PostgreSQL refuses both.
ALTER TABLE readings SET (autovacuum_vacuum_scale_factor = 0.02);
ALTER TABLE readings CLUSTER ON readings_ts_idx;
-- Nor does its index: each partition's index has.
ALTER INDEX readings_ts_idx SET (fillfactor = 80);
ALTER INDEX readings_ts_idx RESET (fillfactor);
