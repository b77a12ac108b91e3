CREATE TABLE IF NOT EXISTS rp_articles (id bigint PRIMARY KEY, title text NOT NULL);
CREATE OR REPLACE VIEW rp_posts AS SELECT * FROM rp_articles;
CREATE TABLE IF NOT EXISTS rp_orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total_cents bigint NOT NULL);
CREATE OR REPLACE VIEW rp_order_summary AS SELECT o.id, o.total_cents FROM rp_orders o;
