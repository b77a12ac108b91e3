CREATE SEQUENCE IF NOT EXISTS cd_invoice_number_seq;
CREATE TABLE IF NOT EXISTS cd_invoices (id bigint PRIMARY KEY, number bigint DEFAULT nextval('cd_invoice_number_seq'));
