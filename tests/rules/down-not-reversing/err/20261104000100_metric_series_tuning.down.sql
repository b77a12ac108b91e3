-- RESET leaves them unset, not 80 and 32 as WITH (...) made them
ALTER TABLE metric_series RESET (fillfactor);
ALTER INDEX metric_series_at_brin SET (pages_per_range = 16);
