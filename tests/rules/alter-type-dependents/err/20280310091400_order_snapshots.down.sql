DROP TABLE IF EXISTS rs_order_snapshots;
DROP TABLE IF EXISTS rs_orders;
