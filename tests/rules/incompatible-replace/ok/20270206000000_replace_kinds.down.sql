DROP VIEW IF EXISTS reporting.sales;
DROP SCHEMA IF EXISTS reporting;
DROP PROCEDURE IF EXISTS sales_total(integer);
DROP FUNCTION IF EXISTS refresh_sales(integer);
DROP VIEW IF EXISTS sales_summary;
CREATE MATERIALIZED VIEW IF NOT EXISTS sales_summary AS SELECT count(*) AS n FROM sales WITH NO DATA;
