DROP VIEW IF EXISTS sp_billing.account_names;
DROP VIEW IF EXISTS sp_billing.ledger_accounts;
DROP TABLE IF EXISTS sp_billing.invoices;
