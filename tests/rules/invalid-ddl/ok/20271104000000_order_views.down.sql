DROP VIEW IF EXISTS customer_orders, order_counts, bigger_orders, known_orders, big_orders;
DROP TABLE IF EXISTS shop_orders, shop_customers;
