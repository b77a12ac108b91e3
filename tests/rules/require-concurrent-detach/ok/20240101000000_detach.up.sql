ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;
ALTER TABLE measurements DETACH PARTITION measurements_2023 FINALIZE;
-- A partitioned table created in this migration.
CREATE TABLE IF NOT EXISTS metrics (at timestamptz NOT NULL, value double precision)
  PARTITION BY RANGE (at);
CREATE TABLE IF NOT EXISTS metrics_2024 PARTITION OF metrics
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE metrics DETACH PARTITION metrics_2024;
