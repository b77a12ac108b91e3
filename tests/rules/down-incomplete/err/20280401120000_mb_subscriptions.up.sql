CREATE SCHEMA IF NOT EXISTS mb_app;
CREATE SCHEMA IF NOT EXISTS mb_billing;
CREATE TABLE IF NOT EXISTS mb_app.subscriptions (id bigint PRIMARY KEY, customer_id bigint);
