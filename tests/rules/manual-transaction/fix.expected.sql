-- Add invoices.

CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS invoice_id bigint;

