CREATE SCHEMA IF NOT EXISTS sp_app;
CREATE SCHEMA IF NOT EXISTS sp_billing;
CREATE TABLE IF NOT EXISTS sp_app.sp_customers (id bigint PRIMARY KEY, name text);
CREATE TABLE IF NOT EXISTS sp_billing.sp_ledgers (id bigint PRIMARY KEY, total_cents bigint);
