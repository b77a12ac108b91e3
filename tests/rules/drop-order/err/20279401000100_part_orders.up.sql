CREATE TABLE IF NOT EXISTS orders (
    id bigint NOT NULL,
    created_at date NOT NULL,
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE IF NOT EXISTS orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE IF NOT EXISTS orders_2026 PARTITION OF orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY LIST (id);
CREATE TABLE IF NOT EXISTS orders_2026_rest PARTITION OF orders_2026 DEFAULT;
CREATE TABLE IF NOT EXISTS orders_2030 (id bigint NOT NULL, created_at date NOT NULL);
ALTER TABLE orders ATTACH PARTITION orders_2030 FOR VALUES FROM ('2030-01-01') TO ('2031-01-01');
CREATE TABLE IF NOT EXISTS shipments (
    id bigint PRIMARY KEY,
    order_id bigint,
    order_created_at date,
    FOREIGN KEY (order_id, order_created_at) REFERENCES orders (id, created_at)
);
