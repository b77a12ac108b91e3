ALTER TYPE shop_order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'shipped';
UPDATE shop_orders SET status = 'refunded' WHERE id IN (SELECT order_id FROM shop_payments WHERE status = 'refunded');
