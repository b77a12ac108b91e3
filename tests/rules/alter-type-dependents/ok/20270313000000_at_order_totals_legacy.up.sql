DROP VIEW IF EXISTS at_order_totals;
ALTER TABLE at_orders ALTER COLUMN legacy TYPE numeric;
CREATE VIEW at_order_totals AS SELECT id, legacy AS total FROM at_orders;
