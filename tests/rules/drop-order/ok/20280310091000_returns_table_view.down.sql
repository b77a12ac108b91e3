DROP VIEW IF EXISTS sfo_order_notes;
DROP FUNCTION IF EXISTS sfo_notes();
DROP TABLE IF EXISTS sfo_orders;
