CREATE SCHEMA billing;
CREATE TABLE billing.customer (id bigint PRIMARY KEY, customer_no bigint);
CREATE TABLE invoice (id bigint PRIMARY KEY, invoice_no bigint);
ALTER TABLE invoice SET SCHEMA billing;
-- the sequences stay in public, the tables are in billing
CREATE SEQUENCE customer_no_seq OWNED BY billing.customer.customer_no;
CREATE SEQUENCE public.invoice_no_seq;
ALTER SEQUENCE invoice_no_seq OWNED BY billing.invoice.invoice_no;
