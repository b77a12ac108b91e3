-- DROP COLUMN takes every statistics object that covers the column, through an expression too
-- (verified on PostgreSQL 15: the first DROP STATISTICS fails, "does not exist")
ALTER TABLE series DROP COLUMN IF EXISTS region;
DROP STATISTICS series_host_region_stats;
ALTER TABLE series DROP COLUMN IF EXISTS metric;
DROP STATISTICS IF EXISTS series_metric_stats;
DROP TABLE IF EXISTS series;
