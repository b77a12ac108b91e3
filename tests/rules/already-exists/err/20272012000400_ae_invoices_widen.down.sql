DROP INDEX IF EXISTS ae_billing.ae_invoices_account_idx;
CREATE INDEX IF NOT EXISTS ae_invoices_account_idx ON ae_billing.ae_invoices (account_id);
