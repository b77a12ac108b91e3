CREATE TABLE IF NOT EXISTS readings (ts timestamptz NOT NULL, v double precision) PARTITION BY RANGE (ts);
CREATE TABLE IF NOT EXISTS readings_2024_01 PARTITION OF readings
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01') WITH (autovacuum_vacuum_scale_factor = 0.02);
CREATE INDEX IF NOT EXISTS readings_ts_idx ON readings (ts);
-- On the partitions, and on a plain table.
ALTER TABLE readings_2024_01 SET (fillfactor = 90);
CREATE TABLE IF NOT EXISTS hosts (id bigint PRIMARY KEY) WITH (fillfactor = 80);
ALTER TABLE hosts SET (autovacuum_enabled = true);
ALTER TABLE hosts CLUSTER ON hosts_pkey;
-- A partitioned index takes storage parameters when it is made (its partitions' indexes get
-- them), and a partition's index takes them later.
CREATE INDEX IF NOT EXISTS readings_v_idx ON readings (v) WITH (fillfactor = 80);
ALTER INDEX readings_2024_01_ts_idx SET (fillfactor = 80);
ALTER INDEX hosts_pkey SET (fillfactor = 90);
