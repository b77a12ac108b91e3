CREATE TABLE IF NOT EXISTS metric_series (id bigint PRIMARY KEY, at timestamptz) WITH (fillfactor = 80);
CREATE INDEX IF NOT EXISTS metric_series_at_brin ON metric_series USING brin (at) WITH (pages_per_range = 32);
CREATE TABLE IF NOT EXISTS metric_rollups (id bigint PRIMARY KEY);
