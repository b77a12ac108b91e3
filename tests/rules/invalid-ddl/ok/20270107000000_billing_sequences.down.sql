DROP SEQUENCE spare_seq;
DROP SEQUENCE billing.customer_id_seq;
DROP SEQUENCE billing.invoice_no_seq;
DROP SEQUENCE billing.customer_no_seq;
DROP TABLE billing.invoice;
DROP TABLE billing.customer;
DROP SCHEMA billing;
