CREATE SCHEMA IF NOT EXISTS ae_billing;
CREATE TABLE IF NOT EXISTS ae_billing.ae_invoices (id bigint PRIMARY KEY, account_id bigint, issued_at date);
CREATE INDEX IF NOT EXISTS ae_invoices_account_idx ON ae_billing.ae_invoices (account_id);
