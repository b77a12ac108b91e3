DROP TABLE IF EXISTS rso_order_snapshots;
DROP TABLE IF EXISTS rso_orders;
