CREATE TABLE IF NOT EXISTS rso_orders (id bigint PRIMARY KEY, amount_cents integer NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS rso_order_snapshots (id bigserial PRIMARY KEY, snapshot rso_orders NOT NULL);
