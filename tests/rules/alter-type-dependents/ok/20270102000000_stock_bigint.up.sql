-- The generated columns go first and come back after the new types.
ALTER TABLE bin_stock DROP COLUMN IF EXISTS available;
ALTER TABLE bin_stock DROP COLUMN IF EXISTS weight_kg;
ALTER TABLE bin_stock ALTER COLUMN on_hand TYPE bigint;
ALTER TABLE bin_stock ALTER COLUMN weight_g TYPE bigint;
ALTER TABLE bin_stock ADD COLUMN IF NOT EXISTS available bigint GENERATED ALWAYS AS (on_hand - reserved) STORED;
ALTER TABLE bin_stock ADD COLUMN IF NOT EXISTS weight_kg numeric GENERATED ALWAYS AS (weight_g / 1000.0) STORED;
-- A column no generated column reads.
ALTER TABLE bin_stock ALTER COLUMN item_id TYPE numeric(20);
