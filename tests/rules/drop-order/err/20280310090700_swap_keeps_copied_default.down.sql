DROP TABLE IF EXISTS swap_orders;
