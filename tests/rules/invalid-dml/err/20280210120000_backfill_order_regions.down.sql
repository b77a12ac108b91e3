DROP TABLE IF EXISTS bo_orders, bo_customers;
