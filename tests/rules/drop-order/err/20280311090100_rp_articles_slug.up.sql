ALTER TABLE rp_articles ADD COLUMN IF NOT EXISTS slug text;
-- PostgreSQL expands * when the view is defined again: it now has slug, and depends on it
CREATE OR REPLACE VIEW rp_posts AS SELECT * FROM rp_articles;
CREATE TABLE IF NOT EXISTS rp_customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE OR REPLACE VIEW rp_order_summary AS
SELECT o.id, o.total_cents, c.name AS customer_name
FROM rp_orders o LEFT JOIN rp_customers c ON c.id = o.customer_id;
