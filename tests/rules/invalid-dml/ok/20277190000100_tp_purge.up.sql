TRUNCATE tp_orders_1a, tp_ship, tp_ship2;
TRUNCATE tp_orders, tp_ship, tp_ship2;
TRUNCATE ONLY tp_orders_1a, tp_ship, tp_ship2;
TRUNCATE tp_ship, tp_ship2;
ALTER TABLE tp_orders DETACH PARTITION tp_orders_2;
TRUNCATE tp_orders_2;
