DROP VIEW IF EXISTS at_order_totals;
ALTER TABLE at_orders ALTER COLUMN total TYPE numeric;
CREATE VIEW at_order_totals AS SELECT id, total FROM at_orders;
