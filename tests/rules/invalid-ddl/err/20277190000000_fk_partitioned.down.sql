DROP TABLE fk_orders;
DROP TABLE fk_customers;
