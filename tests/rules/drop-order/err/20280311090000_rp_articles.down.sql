DROP VIEW IF EXISTS rp_order_summary;
DROP TABLE IF EXISTS rp_orders;
DROP VIEW IF EXISTS rp_posts;
DROP TABLE IF EXISTS rp_articles;
