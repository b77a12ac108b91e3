ALTER TABLE metric_series SET (fillfactor = '80');
ALTER TABLE metric_series RESET (autovacuum_enabled);
ALTER INDEX metric_series_at_brin SET (pages_per_range = 32);
ALTER TABLE metric_rollups RESET (fillfactor);
