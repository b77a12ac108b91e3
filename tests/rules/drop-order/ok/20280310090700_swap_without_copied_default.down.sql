DROP TABLE IF EXISTS swap_orders, swap_orders_copy, swap_orders_bare;
