CREATE TABLE IF NOT EXISTS gb_orders (id integer PRIMARY KEY, id_new bigint, customer_id bigint NOT NULL, total_cents integer NOT NULL, region text);
CREATE TABLE IF NOT EXISTS gb_order_items (id bigint PRIMARY KEY, order_id integer NOT NULL);
-- o.customer_id and o.total_cents are not grouped: PostgreSQL takes them because o.id is the
-- primary key, and records that the view depends on gb_orders_pkey
CREATE OR REPLACE VIEW gb_order_totals AS
SELECT o.id AS order_id, o.customer_id, o.total_cents, count(i.id) AS item_count
FROM gb_orders o LEFT JOIN gb_order_items i ON i.order_id = o.id
GROUP BY o.id;
CREATE UNIQUE INDEX IF NOT EXISTS gb_orders_id_new_key ON gb_orders (id_new);
ALTER TABLE gb_orders ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS gb_own_items ON gb_order_items;
CREATE POLICY gb_own_items ON gb_order_items FOR SELECT
  USING (EXISTS (SELECT 1 FROM gb_orders o WHERE o.id = gb_order_items.order_id AND o.region IS NOT NULL));
