DROP TABLE tp_ship2;
DROP TABLE tp_ship;
DROP TABLE tp_orders;
