CREATE TABLE IF NOT EXISTS orders (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id)
);
CREATE INDEX IF NOT EXISTS order_lines_order_id_idx ON order_lines (order_id);
CREATE TABLE IF NOT EXISTS order_lines (id bigserial PRIMARY KEY, order_id bigint);
ALTER TABLE legacy_orders ADD COLUMN IF NOT EXISTS migrated boolean;
