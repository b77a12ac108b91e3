DROP INDEX IF EXISTS items_name_idx;
CREATE INDEX IF NOT EXISTS items_name_idx ON items (name);
ALTER TABLE items DROP CONSTRAINT IF EXISTS items_price_check;
ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (price >= 0);
DROP FUNCTION IF EXISTS item_total(bigint);
CREATE OR REPLACE FUNCTION item_total(qty integer) RETURNS integer LANGUAGE sql AS $$ SELECT qty $$;
