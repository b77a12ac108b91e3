CREATE TABLE IF NOT EXISTS part_orders (
    id bigint NOT NULL,
    created_at date NOT NULL,
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE IF NOT EXISTS part_orders_2025 PARTITION OF part_orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE IF NOT EXISTS part_items (
    id bigint NOT NULL,
    order_id bigint,
    order_created_at date,
    FOREIGN KEY (order_id, order_created_at) REFERENCES part_orders (id, created_at)
) PARTITION BY HASH (id);
CREATE TABLE IF NOT EXISTS part_items_0 PARTITION OF part_items FOR VALUES WITH (MODULUS 1, REMAINDER 0);
