-- Exactly 63 bytes is the limit.
CREATE TABLE IF NOT EXISTS customer_subscription_billing_events_by_payment_provider_and_re (id bigint);
-- Long strings and comments are not identifiers: 'a_string_literal_that_is_much_longer_than_sixty_three_bytes_in_total'
INSERT INTO notes (body) VALUES ('a_string_literal_that_is_much_longer_than_sixty_three_bytes_in_total')
  ON CONFLICT DO NOTHING;
