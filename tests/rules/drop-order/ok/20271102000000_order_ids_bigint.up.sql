-- The widening swap of a serial key: the sequence's ownership moves to the new column before
-- the old one is dropped, so the drop takes neither the sequence nor the new default.
CREATE TABLE IF NOT EXISTS order_ids (id serial PRIMARY KEY, note text);
ALTER TABLE order_ids ADD COLUMN IF NOT EXISTS id_new bigint;
UPDATE order_ids SET id_new = id WHERE id_new IS NULL;
ALTER TABLE order_ids RENAME COLUMN id TO id_old;
ALTER TABLE order_ids RENAME COLUMN id_new TO id;
ALTER SEQUENCE order_ids_id_seq OWNED BY order_ids.id;
ALTER TABLE order_ids ALTER COLUMN id SET DEFAULT nextval('order_ids_id_seq');
ALTER TABLE order_ids DROP COLUMN id_old;
ALTER TABLE order_ids ADD PRIMARY KEY (id);
