ALTER TABLE metric_series SET (fillfactor = 90);
ALTER INDEX metric_series_at_brin SET (pages_per_range = 64);
