-- A column added by this migration, and a table created by it.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS amt numeric;
ALTER TABLE orders RENAME COLUMN amt TO amount;
CREATE TABLE IF NOT EXISTS invoices (id bigint, ttl numeric);
ALTER TABLE invoices RENAME COLUMN ttl TO total;
