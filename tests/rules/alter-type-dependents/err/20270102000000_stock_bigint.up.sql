ALTER TABLE bin_stock ALTER COLUMN on_hand TYPE bigint;
ALTER TABLE bin_stock ALTER COLUMN weight_g TYPE bigint;
