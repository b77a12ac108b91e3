-- A column added by this migration, and a table created by it.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS import_batch bigint;
ALTER TABLE orders DROP COLUMN import_batch;
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, draft boolean);
ALTER TABLE invoices DROP COLUMN draft;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
