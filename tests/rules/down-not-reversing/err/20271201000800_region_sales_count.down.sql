DROP MATERIALIZED VIEW IF EXISTS shop_region_sales;
CREATE MATERIALIZED VIEW IF NOT EXISTS shop_region_sales AS SELECT region, sum(amount) AS total FROM shop_sales GROUP BY region;
