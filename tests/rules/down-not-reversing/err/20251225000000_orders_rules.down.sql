-- Copied from the up: the foreign key keeps ON DELETE CASCADE.
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_customer_id_fkey,
  ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id)
    ON DELETE CASCADE;
-- Written back as pg_dump shows it: the same constraint.
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text])));
