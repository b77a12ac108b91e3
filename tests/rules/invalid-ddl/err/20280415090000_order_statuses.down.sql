DROP TABLE IF EXISTS shipments;
DROP TABLE IF EXISTS order_statuses;
