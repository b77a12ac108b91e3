-- the view reads total_v2 now (CREATE OR REPLACE VIEW replaces what it depends on): total's type
-- can change
CREATE OR REPLACE VIEW at_order_totals AS SELECT id, total_v2 AS total FROM at_orders;
ALTER TABLE at_orders ALTER COLUMN total TYPE numeric(14, 2);
