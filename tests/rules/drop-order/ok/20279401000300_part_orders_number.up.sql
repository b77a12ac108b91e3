-- Another unique index of the referenced partitioned table: the foreign key uses the primary key.
ALTER TABLE part_orders ADD COLUMN IF NOT EXISTS number text;
CREATE UNIQUE INDEX IF NOT EXISTS part_orders_number_key ON part_orders (number, created_at);
