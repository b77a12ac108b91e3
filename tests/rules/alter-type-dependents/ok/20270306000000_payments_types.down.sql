DROP FUNCTION IF EXISTS customer_paid(bigint);
ALTER TABLE payments ALTER COLUMN amount_cents TYPE integer;
CREATE OR REPLACE FUNCTION customer_paid(p_customer bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE customer_id = p_customer;
END;
