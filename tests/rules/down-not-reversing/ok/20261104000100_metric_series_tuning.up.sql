ALTER TABLE metric_series SET (fillfactor = 90, autovacuum_enabled = off);
ALTER INDEX metric_series_at_brin SET (pages_per_range = 64);
ALTER TABLE metric_rollups SET (fillfactor = 70);
