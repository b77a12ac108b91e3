DROP TABLE IF EXISTS gift_orders;
