CREATE TABLE IF NOT EXISTS order_totals (order_id bigint PRIMARY KEY, total numeric);
