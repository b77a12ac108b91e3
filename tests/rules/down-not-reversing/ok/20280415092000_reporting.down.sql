DROP MATERIALIZED VIEW IF EXISTS reporting.daily_sales;
DROP VIEW IF EXISTS reporting.recent_sales;
DROP TABLE IF EXISTS sales;
DROP SCHEMA IF EXISTS reporting;
