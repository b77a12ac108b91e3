DROP SEQUENCE invoice_no_seq;
DROP SEQUENCE customer_no_seq;
DROP TABLE billing.invoice;
DROP TABLE billing.customer;
DROP SCHEMA billing;
