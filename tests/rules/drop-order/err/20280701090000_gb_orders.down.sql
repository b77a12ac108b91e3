DROP POLICY IF EXISTS gb_own_items ON gb_order_items;
DROP VIEW IF EXISTS gb_order_totals;
DROP TABLE IF EXISTS gb_order_items;
DROP TABLE IF EXISTS gb_orders;
