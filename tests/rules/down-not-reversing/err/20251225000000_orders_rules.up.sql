ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_customer_id_fkey,
  ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id)
    ON DELETE CASCADE;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_qty_check;
ALTER TABLE orders ADD CONSTRAINT orders_qty_check CHECK (qty >= 0);
DROP INDEX IF EXISTS orders_qty_idx;
CREATE INDEX IF NOT EXISTS orders_qty_idx ON orders (qty) WHERE qty > 100;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid', 'void'));
