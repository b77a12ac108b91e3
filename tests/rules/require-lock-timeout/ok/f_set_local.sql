-- The file runs in one transaction: SET LOCAL holds for the rest of it.
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS invoice_id bigint;
