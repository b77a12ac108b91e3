DROP FUNCTION IF EXISTS cf_order_total_dollars(cf_orders);
DROP TABLE IF EXISTS cf_orders;
