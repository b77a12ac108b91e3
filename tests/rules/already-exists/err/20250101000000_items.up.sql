CREATE TABLE IF NOT EXISTS items (id bigint PRIMARY KEY, price integer, name text);
CREATE INDEX IF NOT EXISTS items_name_idx ON items (name);
ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (price >= 0);
CREATE TYPE item_state AS ENUM ('new', 'sold');
CREATE OR REPLACE FUNCTION item_total(qty integer) RETURNS integer LANGUAGE sql AS $$ SELECT qty $$;
