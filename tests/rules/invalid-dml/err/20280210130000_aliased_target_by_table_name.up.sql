CREATE TABLE IF NOT EXISTS at_orders (id bigint PRIMARY KEY, total integer, status text);
CREATE TABLE IF NOT EXISTS at_items (order_id bigint, qty integer);
-- The alias o hides the name at_orders: invalid reference to FROM-clause entry for table
-- "at_orders" (HINT: Perhaps you meant to reference the table alias "o"), in SET
UPDATE at_orders o SET total = at_orders.total + 1 WHERE o.id = 1;
-- in WHERE
UPDATE at_orders o SET status = 'open' WHERE at_orders.id = 1;
-- in RETURNING
UPDATE at_orders o SET status = 'open' WHERE o.id = 1 RETURNING at_orders.id;
-- in WHERE, beside a FROM list that does not name at_orders
UPDATE at_orders o SET total = i.qty FROM at_items i WHERE i.order_id = at_orders.id;
-- in a subquery of WHERE that has no at_orders of its own
DELETE FROM at_orders o
 WHERE EXISTS (SELECT 1 FROM at_items i WHERE i.order_id = at_orders.id);
-- DELETE ... USING
DELETE FROM at_orders o USING at_items i WHERE i.order_id = at_orders.id;
