CREATE TABLE IF NOT EXISTS shop_customers (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE IF NOT EXISTS shop_orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total numeric NOT NULL);
-- WITH CHECK OPTION on views that are not automatically updatable: a join, several FROM items,
-- GROUP BY, DISTINCT, an aggregate, UNION, LIMIT, WITH, a window function, a subquery in FROM,
-- no plain column, TABLESAMPLE.
CREATE OR REPLACE VIEW customer_orders AS SELECT o.id, c.email FROM shop_orders o JOIN shop_customers c ON c.id = o.customer_id WITH LOCAL CHECK OPTION;
CREATE OR REPLACE VIEW customer_orders_2 AS SELECT o.id FROM shop_orders o, shop_customers c WITH CHECK OPTION;
CREATE OR REPLACE VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM shop_orders GROUP BY customer_id WITH CASCADED CHECK OPTION;
CREATE OR REPLACE VIEW order_customers AS SELECT DISTINCT customer_id FROM shop_orders WITH CHECK OPTION;
CREATE OR REPLACE VIEW order_count AS SELECT count(*) AS n FROM shop_orders WITH CHECK OPTION;
CREATE OR REPLACE VIEW all_ids AS SELECT id FROM shop_orders UNION ALL SELECT id FROM shop_customers WITH CHECK OPTION;
CREATE OR REPLACE VIEW latest_orders AS SELECT id, total FROM shop_orders ORDER BY id DESC LIMIT 10 WITH CHECK OPTION;
CREATE OR REPLACE VIEW big_orders AS WITH big AS (SELECT id FROM shop_orders WHERE total > 100) SELECT id FROM big WITH CHECK OPTION;
CREATE OR REPLACE VIEW ranked_orders AS SELECT id, rank() OVER (ORDER BY total) AS rank FROM shop_orders WITH CHECK OPTION;
CREATE OR REPLACE VIEW sub_orders AS SELECT id FROM (SELECT id FROM shop_orders) s WITH CHECK OPTION;
CREATE OR REPLACE VIEW order_doubles AS SELECT total * 2 AS doubled FROM shop_orders WITH CHECK OPTION;
CREATE OR REPLACE VIEW sampled_orders AS SELECT id FROM shop_orders TABLESAMPLE SYSTEM (10) WITH CHECK OPTION;
CREATE OR REPLACE VIEW distinct_orders WITH (check_option = local) AS SELECT DISTINCT id FROM shop_orders;
-- ALTER VIEW ... SET (check_option = ...) of a view made with GROUP BY (this file, and below an
-- earlier migration's).
CREATE OR REPLACE VIEW order_counts AS SELECT customer_id, count(*) AS n FROM shop_orders GROUP BY customer_id;
ALTER VIEW order_counts SET (check_option = cascaded);
