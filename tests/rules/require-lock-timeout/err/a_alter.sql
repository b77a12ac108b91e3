-- Creating a table takes no lock on an existing one...
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
-- ...but this waits for ACCESS EXCLUSIVE on orders. One finding per file: the first.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS invoice_id bigint;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
