CREATE TABLE IF NOT EXISTS series (id bigint PRIMARY KEY, host text, metric text);
ALTER TABLE series ADD COLUMN IF NOT EXISTS region text;
CREATE STATISTICS IF NOT EXISTS series_host_region_stats ON host, region FROM series;
CREATE STATISTICS IF NOT EXISTS series_metric_stats ON (lower(metric)), host FROM series;
