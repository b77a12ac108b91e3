CREATE SCHEMA IF NOT EXISTS cd_billing;
CREATE SEQUENCE IF NOT EXISTS cd_billing.invoice_number_seq START 1000;
ALTER TABLE cd_invoices ALTER COLUMN number SET DEFAULT nextval('cd_billing.invoice_number_seq');
