CREATE TABLE IF NOT EXISTS customers (id bigint PRIMARY KEY, code text UNIQUE);
CREATE TABLE IF NOT EXISTS orders (
  id bigint PRIMARY KEY,
  customer_id bigint REFERENCES customers ON DELETE SET NULL,
  qty int CONSTRAINT orders_qty_check CHECK (qty > 0),
  status text CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid')),
  CONSTRAINT orders_code_fkey FOREIGN KEY (id) REFERENCES customers (id) DEFERRABLE
);
CREATE INDEX IF NOT EXISTS orders_qty_idx ON orders (qty) WHERE qty > 10;
