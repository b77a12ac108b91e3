CREATE TABLE IF NOT EXISTS gbo_orders (id integer PRIMARY KEY, customer_id bigint NOT NULL);
-- every column it selects is grouped or aggregated: no need of the primary key
CREATE OR REPLACE VIEW gbo_counts AS
SELECT o.id, o.customer_id, count(*) AS n FROM gbo_orders o GROUP BY o.id, o.customer_id;
CREATE OR REPLACE VIEW gbo_by_customer AS
SELECT customer_id, max(id) AS last_id FROM gbo_orders GROUP BY customer_id;
