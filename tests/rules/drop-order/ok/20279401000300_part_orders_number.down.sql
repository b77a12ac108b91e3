DROP INDEX IF EXISTS part_orders_number_key;
ALTER TABLE part_orders DROP COLUMN IF EXISTS number;
