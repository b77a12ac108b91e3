-- The widening swap: a bigint copy of the key takes its name and its sequence.
ALTER TABLE swap_orders ADD COLUMN IF NOT EXISTS id_new bigint;
UPDATE swap_orders SET id_new = id WHERE id_new IS NULL;
ALTER TABLE swap_orders DROP CONSTRAINT swap_orders_pkey;
ALTER TABLE swap_orders RENAME COLUMN id TO id_old;
ALTER TABLE swap_orders RENAME COLUMN id_new TO id;
ALTER TABLE swap_orders ADD CONSTRAINT swap_orders_pkey PRIMARY KEY (id);
ALTER SEQUENCE swap_orders_id_seq OWNED BY swap_orders.id;
ALTER SEQUENCE swap_orders_id_seq AS bigint;
ALTER TABLE swap_orders ALTER COLUMN id SET DEFAULT nextval('swap_orders_id_seq');
ALTER TABLE swap_orders DROP COLUMN id_old;
