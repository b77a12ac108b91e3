-- The function goes first and comes back after the new type.
DROP FUNCTION IF EXISTS customer_paid(bigint);
ALTER TABLE payments ALTER COLUMN amount_cents TYPE bigint;
CREATE OR REPLACE FUNCTION customer_paid(p_customer bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE customer_id = p_customer;
END;
-- Columns no body reads.
ALTER TABLE payments ALTER COLUMN note TYPE varchar(200);
ALTER TABLE payments ALTER COLUMN id TYPE numeric(20);
