CREATE TABLE IF NOT EXISTS cf_orders (id bigint PRIMARY KEY, total_cents integer NOT NULL DEFAULT 0);
ALTER TABLE cf_orders RENAME COLUMN total_cents TO amount_cents;
-- order_row.total_cents is no field of the row type: "missing FROM-clause entry for table
-- "order_row""
CREATE OR REPLACE FUNCTION cf_order_total_dollars(order_row cf_orders) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT round(order_row.total_cents / 100.0, 2)
$$;
