ALTER TABLE bin_stock ALTER COLUMN weight_g TYPE integer;
ALTER TABLE bin_stock ALTER COLUMN on_hand TYPE integer;
