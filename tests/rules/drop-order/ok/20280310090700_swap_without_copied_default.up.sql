CREATE TABLE IF NOT EXISTS swap_orders (
    id bigserial PRIMARY KEY,
    payload jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE TABLE IF NOT EXISTS swap_orders_new (LIKE swap_orders INCLUDING ALL);
CREATE TABLE IF NOT EXISTS swap_orders_copy (LIKE swap_orders INCLUDING DEFAULTS);
CREATE TABLE IF NOT EXISTS swap_orders_bare (LIKE swap_orders INCLUDING ALL);
-- Each copy of the nextval('swap_orders_id_seq') default is replaced, dropped or goes with its
-- column: nothing depends on the sequence then
CREATE SEQUENCE IF NOT EXISTS swap_orders_new_id_seq OWNED BY swap_orders_new.id;
ALTER TABLE swap_orders_new ALTER COLUMN id SET DEFAULT nextval('swap_orders_new_id_seq');
ALTER TABLE swap_orders_copy ALTER COLUMN id DROP DEFAULT;
ALTER TABLE swap_orders_bare DROP COLUMN id;
DROP TABLE swap_orders;
ALTER TABLE swap_orders_new RENAME TO swap_orders;
