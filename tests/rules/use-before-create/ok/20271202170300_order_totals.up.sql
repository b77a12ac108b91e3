CREATE OR REPLACE VIEW order_totals AS
SELECT o.id, o.total, l.qty FROM mirror.orders o JOIN mirror."Lines" l ON l.order_id = o.id;
