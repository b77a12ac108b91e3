-- Locks that block neither reads nor writes, and tables created here.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_state_idx ON orders (state);
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS total numeric;
CREATE INDEX IF NOT EXISTS invoices_total_idx ON invoices (total);
INSERT INTO invoices (id) VALUES (1) ON CONFLICT DO NOTHING;
