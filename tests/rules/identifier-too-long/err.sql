CREATE TABLE IF NOT EXISTS customer_subscription_billing_events_by_payment_provider_and_region (
  id bigint PRIMARY KEY,
  "A_Quoted_Column_Name_That_Is_Also_Much_Longer_Than_Sixty_Three_Bytes" text
);
-- The same name again is not reported twice.
CREATE INDEX IF NOT EXISTS customer_subscription_billing_events_by_payment_provider_and_region_idx
  ON customer_subscription_billing_events_by_payment_provider_and_region (id);
DO $$
BEGIN
  ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipping_address_verification_status_from_the_external_providers text;
END
$$;
