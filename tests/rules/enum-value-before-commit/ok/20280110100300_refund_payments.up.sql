-- 'refunded' goes into shop_payments.status (shop_payment_status, which always had it) and
-- into text: PostgreSQL reads none of them as shop_order_status, whatever shop_orders the
-- statements read (UPDATE 1, INSERT 0 1, INSERT 0 1, UPDATE 2 on the first run).
ALTER TYPE shop_order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'shipped';
UPDATE shop_payments SET status = 'refunded', note = 'refunded'
WHERE status = 'captured' AND order_id IN (SELECT id FROM shop_orders WHERE status = 'pending');
INSERT INTO shop_payments (id, order_id, status)
SELECT 1000 + o.id, o.id, 'refunded' FROM shop_orders o WHERE o.status = 'shipped'
ON CONFLICT (id) DO NOTHING;
INSERT INTO shop_payments (id, order_id, status, note)
VALUES (2000, 1, 'refunded', 'refunded') ON CONFLICT (id) DO NOTHING;
UPDATE shop_payments p SET status = 'refunded' FROM shop_orders o WHERE o.id = p.order_id AND o.status = 'shipped';
