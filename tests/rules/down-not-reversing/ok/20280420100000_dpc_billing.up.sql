-- Every table made in dpc_billing from now on is readable by dpc_billing_ro.
CREATE SCHEMA IF NOT EXISTS dpc_billing;
ALTER DEFAULT PRIVILEGES IN SCHEMA dpc_billing GRANT SELECT ON TABLES TO dpc_billing_ro;
CREATE TABLE IF NOT EXISTS dpc_billing.invoices (id bigint PRIMARY KEY, amount_cents bigint NOT NULL);
