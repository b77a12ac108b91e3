DROP VIEW IF EXISTS at_order_totals;
DROP TABLE IF EXISTS at_orders;
