DROP VIEW IF EXISTS sales_recent;
DROP AGGREGATE IF EXISTS sales_sum(integer);
DROP FUNCTION IF EXISTS sales_total(bigint);
DROP PROCEDURE IF EXISTS refresh_sales(boolean);
DROP INDEX IF EXISTS sales_qty_idx;
DROP SEQUENCE IF EXISTS sales_numbers;
DROP MATERIALIZED VIEW IF EXISTS sales_summary;
DROP TABLE IF EXISTS sales;
