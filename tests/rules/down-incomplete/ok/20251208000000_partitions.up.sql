-- Partitions, created as such or attached, and attached partition indexes go with their parent.
CREATE TABLE IF NOT EXISTS measurements (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE IF NOT EXISTS measurements_2024 PARTITION OF measurements
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX IF NOT EXISTS measurements_at ON ONLY measurements (at);
CREATE INDEX IF NOT EXISTS measurements_2024_at ON measurements_2024 (at);
ALTER INDEX measurements_at ATTACH PARTITION measurements_2024_at;
