DROP TABLE purchase, customer;
