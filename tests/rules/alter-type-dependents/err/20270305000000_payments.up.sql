CREATE TABLE IF NOT EXISTS payments (id bigint PRIMARY KEY, customer_id bigint NOT NULL, amount_cents integer NOT NULL, note text);
CREATE OR REPLACE FUNCTION customer_paid(p_customer bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE customer_id = p_customer;
END;
CREATE OR REPLACE FUNCTION largest_payment() RETURNS bigint LANGUAGE sql
RETURN (SELECT max(p.id) FROM payments AS p);
CREATE OR REPLACE PROCEDURE annotate_payment(p_id bigint) LANGUAGE sql
BEGIN ATOMIC
  UPDATE payments SET note = 'checked' WHERE id = p_id;
END;
