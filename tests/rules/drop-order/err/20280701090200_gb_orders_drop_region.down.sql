ALTER TABLE gb_orders ADD COLUMN IF NOT EXISTS region text;
