-- IF NOT EXISTS of what is there as it is, OR REPLACE, another overload, and names dropped first.
ALTER TABLE items ADD COLUMN IF NOT EXISTS price integer;
ALTER TABLE items ADD COLUMN IF NOT EXISTS name text;
CREATE TABLE IF NOT EXISTS items (id bigint PRIMARY KEY);
CREATE INDEX IF NOT EXISTS items_name_idx ON items (name);
CREATE OR REPLACE FUNCTION item_total(qty integer) RETURNS integer LANGUAGE sql AS $$ SELECT qty * 2 $$;
CREATE OR REPLACE FUNCTION item_total(qty bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT qty $$;
ALTER TABLE items DROP CONSTRAINT IF EXISTS items_price_check;
ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (price > 0);
DROP INDEX IF EXISTS items_name_idx;
CREATE INDEX items_name_idx ON items (name, price);
-- Made under a guard: whether it runs depends on it.
DO $$
BEGIN
  IF to_regtype('item_state') IS NULL THEN
    CREATE TYPE item_state AS ENUM ('new', 'sold');
  END IF;
END $$;
