CREATE TABLE IF NOT EXISTS shop_customers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE IF NOT EXISTS shop_orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric NOT NULL);
-- Automatically updatable views: one table (or an updatable view), plain columns beside
-- expressions, WHERE with a subquery, ORDER BY.
CREATE OR REPLACE VIEW big_orders AS SELECT id, customer_id, total, total * 2 AS doubled FROM shop_orders WHERE total > 100 WITH LOCAL CHECK OPTION;
CREATE OR REPLACE VIEW known_orders AS SELECT o.id FROM shop_orders o WHERE o.customer_id IN (SELECT id FROM shop_customers) ORDER BY o.id WITH CHECK OPTION;
CREATE OR REPLACE VIEW bigger_orders AS SELECT * FROM big_orders WHERE total > 1000 WITH CASCADED CHECK OPTION;
CREATE OR REPLACE VIEW order_counts AS SELECT customer_id, count(*) AS n FROM shop_orders GROUP BY customer_id;
-- Made updatable again before the check option is set.
CREATE OR REPLACE VIEW order_counts AS SELECT customer_id, 1::bigint AS n FROM shop_orders;
ALTER VIEW order_counts SET (check_option = cascaded);
-- A join view without a check option.
CREATE OR REPLACE VIEW customer_orders AS SELECT o.id, c.email FROM shop_orders o JOIN shop_customers c ON c.id = o.customer_id;
