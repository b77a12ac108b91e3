DROP VIEW IF EXISTS sf_order_items;
DROP VIEW IF EXISTS sf_big_orders;
DROP FUNCTION IF EXISTS sf_search_orders(jsonb);
DROP TABLE IF EXISTS sf_orders;
