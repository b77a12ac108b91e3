CREATE TABLE IF NOT EXISTS shop_sales (region text NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW IF NOT EXISTS shop_region_sales AS SELECT region, sum(amount) AS total FROM shop_sales GROUP BY region;
CREATE MATERIALIZED VIEW IF NOT EXISTS shop_top_regions AS SELECT region FROM shop_region_sales ORDER BY total DESC LIMIT 3;
