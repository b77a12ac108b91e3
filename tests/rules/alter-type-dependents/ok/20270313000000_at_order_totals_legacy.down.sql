-- the down defines the view again without legacy before it changes legacy's type back
CREATE OR REPLACE VIEW at_order_totals AS SELECT id, total_v2 AS total FROM at_orders;
ALTER TABLE at_orders ALTER COLUMN legacy TYPE integer;
