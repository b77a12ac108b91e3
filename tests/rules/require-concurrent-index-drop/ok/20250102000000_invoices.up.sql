CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY, customer_id bigint);
CREATE INDEX IF NOT EXISTS invoices_customer_idx ON invoices (customer_id);
-- An index on a table created in this migration.
DROP INDEX invoices_customer_idx;
CREATE INDEX IF NOT EXISTS invoices_customer_idx ON invoices (customer_id);
-- The concurrent form.
DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;
