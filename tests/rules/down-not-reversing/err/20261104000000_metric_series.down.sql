DROP TABLE IF EXISTS metric_series;
