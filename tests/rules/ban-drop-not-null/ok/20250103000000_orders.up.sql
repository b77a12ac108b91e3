-- A column added by this migration, and a table created by it.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text NOT NULL DEFAULT '';
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
ALTER TABLE invoices ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
