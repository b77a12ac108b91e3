CREATE TABLE IF NOT EXISTS rs_orders (id bigint PRIMARY KEY, amount_cents integer NOT NULL DEFAULT 0);
-- a column of the row type of rs_orders
CREATE TABLE IF NOT EXISTS rs_order_snapshots (
    id bigserial PRIMARY KEY,
    snapshot rs_orders NOT NULL,
    taken_at timestamptz NOT NULL DEFAULT now()
);
