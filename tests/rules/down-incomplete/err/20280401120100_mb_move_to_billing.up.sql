ALTER TABLE IF EXISTS mb_app.subscriptions SET SCHEMA mb_billing;
CREATE INDEX IF NOT EXISTS subscriptions_customer_id_idx ON mb_billing.subscriptions (customer_id);
