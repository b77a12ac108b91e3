-- None of these was ever made: each fails with "... does not exist" on a fresh database.
ALTER TABLE fx_orders VALIDATE CONSTRAINT fx_orders_amount_positive;
ALTER DOMAIN fx_email VALIDATE CONSTRAINT fx_email_has_at;
ALTER TABLE fx_orders DISABLE TRIGGER fx_orders_audit;
ALTER TABLE fx_orders ENABLE ALWAYS RULE fx_orders_keep;
ALTER TABLE fx_orders DROP CONSTRAINT fx_orders_amount_check1;
DROP TRIGGER fx_orders_audit ON fx_orders;
COMMENT ON CONSTRAINT fx_orders_amount_positive ON fx_orders IS 'positive';
