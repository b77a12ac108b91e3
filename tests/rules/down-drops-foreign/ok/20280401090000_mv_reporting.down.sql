DROP FUNCTION IF EXISTS mv_reporting.order_total();
DROP MATERIALIZED VIEW IF EXISTS mv_reporting.order_counts;
DROP VIEW IF EXISTS mv_reporting.order_totals;
DROP TABLE IF EXISTS mv_orders;
DROP SCHEMA IF EXISTS mv_reporting;
