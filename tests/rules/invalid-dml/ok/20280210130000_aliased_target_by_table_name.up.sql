CREATE TABLE IF NOT EXISTS at_orders (id bigint PRIMARY KEY, total integer, status text);
CREATE TABLE IF NOT EXISTS at_items (order_id bigint, qty integer);
-- The alias names the target
UPDATE at_orders o SET total = o.total + 1 WHERE o.id = 1 RETURNING o.id;
-- FROM has an at_orders of its own: at_orders.id is that one
UPDATE at_orders o SET total = 1 FROM at_orders WHERE at_orders.id = o.id;
-- A subquery's own at_orders
UPDATE at_orders o SET total = 1 WHERE o.id IN (SELECT at_orders.id FROM at_orders);
DELETE FROM at_orders o USING at_orders WHERE at_orders.id = o.id AND at_orders.total < 0;
-- No alias: the table's name is its name
UPDATE at_orders SET total = at_orders.total + 1 WHERE at_orders.id = 1;
-- In PL/pgSQL a variable of that name takes the reference
DO $$
DECLARE
    at_orders record;
BEGIN
    SELECT 1 AS id INTO at_orders;
    UPDATE at_orders o SET total = 5 WHERE o.id = at_orders.id;
END
$$;
