-- Nothing runs between the two transactions.
BEGIN;
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
COMMIT;
BEGIN;
CREATE INDEX IF NOT EXISTS invoices_id_idx ON invoices (id);
COMMIT AND CHAIN;
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS total numeric;
COMMIT;
