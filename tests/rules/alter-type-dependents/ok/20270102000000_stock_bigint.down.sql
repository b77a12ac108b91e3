ALTER TABLE bin_stock ALTER COLUMN item_id TYPE bigint;
ALTER TABLE bin_stock DROP COLUMN IF EXISTS available;
ALTER TABLE bin_stock DROP COLUMN IF EXISTS weight_kg;
ALTER TABLE bin_stock ALTER COLUMN on_hand TYPE integer;
ALTER TABLE bin_stock ALTER COLUMN weight_g TYPE integer;
ALTER TABLE bin_stock ADD COLUMN IF NOT EXISTS available integer GENERATED ALWAYS AS (on_hand - reserved) STORED;
ALTER TABLE bin_stock ADD COLUMN IF NOT EXISTS weight_kg numeric GENERATED ALWAYS AS (weight_g / 1000.0) STORED;
