CREATE TABLE IF NOT EXISTS buyers (id bigint PRIMARY KEY, code text UNIQUE);
CREATE TABLE IF NOT EXISTS purchases (
  id bigint PRIMARY KEY,
  customer_id bigint REFERENCES buyers ON DELETE SET NULL,
  qty int CHECK (qty > 0 AND (qty < 1000 AND qty <> 13)),
  status text CONSTRAINT purchases_status_check CHECK (status IN ('new', 'paid')),
  type text NOT NULL DEFAULT 'plain'
);
CREATE INDEX IF NOT EXISTS purchases_qty_idx ON purchases (qty) WHERE qty > 10;
