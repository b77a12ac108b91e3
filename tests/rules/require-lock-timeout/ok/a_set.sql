SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS invoice_id bigint;
