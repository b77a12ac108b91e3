DROP TABLE IF EXISTS metric_rollups;
DROP TABLE IF EXISTS metric_series;
