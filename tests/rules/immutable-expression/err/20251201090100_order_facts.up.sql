CREATE SCHEMA IF NOT EXISTS reporting;
CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL, shipped_at timestamp, total numeric NOT NULL);
-- A materialized view's column selected straight from a table's has that column's type.
CREATE MATERIALIZED VIEW IF NOT EXISTS reporting.order_facts AS
SELECT o.id AS order_id, o.placed_at, o.placed_at AS ordered_at, o.shipped_at,
  o.placed_at AT TIME ZONE 'UTC' AS placed_local, o.total
FROM orders o
WITH NO DATA;
CREATE UNIQUE INDEX IF NOT EXISTS order_facts_order_id_key ON reporting.order_facts (order_id);
CREATE INDEX IF NOT EXISTS order_facts_day_idx ON reporting.order_facts (date_trunc('day', placed_at));
-- A timestamp, and an expression's column (a timestamp too): immutable.
CREATE INDEX IF NOT EXISTS order_facts_shipped_day_idx ON reporting.order_facts (date_trunc('day', shipped_at));
CREATE INDEX IF NOT EXISTS order_facts_local_day_idx ON reporting.order_facts (date_trunc('day', placed_local));
