-- writing the view's first definition back keeps slug in it: * takes it again
CREATE OR REPLACE VIEW rp_posts AS SELECT * FROM rp_articles;
ALTER TABLE rp_articles DROP COLUMN IF EXISTS slug;
DROP TABLE IF EXISTS rp_customers;
DROP VIEW IF EXISTS rp_order_summary;
CREATE VIEW rp_order_summary AS SELECT o.id, o.total_cents FROM rp_orders o;
