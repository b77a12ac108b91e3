CREATE TABLE IF NOT EXISTS order_statuses (id bigint PRIMARY KEY, code text NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS shipments (id bigint PRIMARY KEY, status text NOT NULL, status_id bigint);
