TRUNCATE tp_orders_1a;
TRUNCATE tp_orders_1;
TRUNCATE tp_orders_1a, tp_ship;
TRUNCATE tp_orders, tp_ship;
TRUNCATE ONLY tp_orders;
