CREATE TABLE IF NOT EXISTS swap_orders (
    id bigserial PRIMARY KEY,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE TABLE IF NOT EXISTS swap_orders_new (LIKE swap_orders INCLUDING ALL);
-- Another column's default: id still defaults to nextval('swap_orders_id_seq')
ALTER TABLE swap_orders_new ALTER COLUMN payload DROP DEFAULT;
DROP TABLE swap_orders;
ALTER TABLE swap_orders_new RENAME TO swap_orders;
