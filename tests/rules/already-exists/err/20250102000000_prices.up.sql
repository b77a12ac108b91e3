-- Each of these was made by the migration before.
ALTER TABLE items ADD COLUMN price numeric(10,2);
CREATE TABLE items (id bigint PRIMARY KEY);
CREATE INDEX items_name_idx ON items (price);
ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (price > 0);
CREATE TYPE item_state AS ENUM ('new', 'sold', 'returned');
CREATE FUNCTION item_total(qty integer) RETURNS integer LANGUAGE sql AS $$ SELECT qty * 2 $$;
-- Does nothing: the column stays integer.
ALTER TABLE items ADD COLUMN IF NOT EXISTS price numeric(10,2);
-- Made twice in one migration.
CREATE TABLE IF NOT EXISTS labels (id bigint PRIMARY KEY);
CREATE INDEX labels_id_idx ON labels (id);
CREATE INDEX labels_id_idx ON labels (id);
