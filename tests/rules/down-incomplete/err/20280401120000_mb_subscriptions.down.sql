DROP TABLE IF EXISTS mb_app.subscriptions;
DROP SCHEMA IF EXISTS mb_billing;
DROP SCHEMA IF EXISTS mb_app;
