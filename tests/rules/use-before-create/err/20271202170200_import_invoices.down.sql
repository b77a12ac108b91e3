DROP FOREIGN TABLE IF EXISTS billing_mirror.invoices;
DROP SCHEMA IF EXISTS billing_mirror;
DROP SERVER IF EXISTS billing;
