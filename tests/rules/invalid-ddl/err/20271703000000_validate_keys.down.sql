DROP TABLE fixd_orders;
