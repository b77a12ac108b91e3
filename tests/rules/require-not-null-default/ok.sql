ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'new';
ALTER TABLE orders ADD COLUMN note text;
-- Filled by PostgreSQL itself.
ALTER TABLE orders ADD COLUMN seq bigserial NOT NULL;
ALTER TABLE orders ADD COLUMN number bigint NOT NULL GENERATED ALWAYS AS IDENTITY;
ALTER TABLE orders ADD COLUMN total_cents bigint NOT NULL GENERATED ALWAYS AS (total * 100) STORED;
-- A table created in this migration has no rows.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN customer_id bigint NOT NULL;
