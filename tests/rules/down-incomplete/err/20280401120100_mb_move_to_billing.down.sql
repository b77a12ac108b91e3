ALTER TABLE IF EXISTS mb_billing.subscriptions SET SCHEMA mb_app;
DROP INDEX IF EXISTS mb_billing.subscriptions_customer_id_idx;
