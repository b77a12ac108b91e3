CREATE TABLE IF NOT EXISTS at_orders (id bigint PRIMARY KEY, total numeric, total_v2 numeric, legacy integer);
CREATE OR REPLACE VIEW at_order_totals AS SELECT id, total FROM at_orders;
