DROP TABLE IF EXISTS sp_billing.sp_ledgers;
DROP TABLE IF EXISTS sp_app.sp_customers;
DROP SCHEMA IF EXISTS sp_billing;
DROP SCHEMA IF EXISTS sp_app;
