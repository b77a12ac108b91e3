CREATE TABLE IF NOT EXISTS payments (id bigint PRIMARY KEY, customer_id bigint NOT NULL, amount_cents integer NOT NULL, note text);
CREATE OR REPLACE FUNCTION customer_paid(p_customer bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE customer_id = p_customer;
END;
-- A body in a string is only text until it runs: PostgreSQL records nothing it reads.
CREATE OR REPLACE FUNCTION payment_notes() RETURNS SETOF text LANGUAGE sql
AS $$ SELECT note FROM payments $$;
