-- DROP TABLE of a partitioned table takes its partitions along: no dependent blocks it.
CREATE TABLE IF NOT EXISTS readings (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE IF NOT EXISTS readings_2024 PARTITION OF readings
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
