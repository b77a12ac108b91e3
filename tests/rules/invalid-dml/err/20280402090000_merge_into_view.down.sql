DROP MATERIALIZED VIEW IF EXISTS mv_price_totals;
DROP VIEW IF EXISTS mv_active_products;
DROP TABLE IF EXISTS mv_products;
