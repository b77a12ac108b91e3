REINDEX INDEX CONCURRENTLY orders_customer_idx;
REINDEX (VERBOSE) TABLE CONCURRENTLY orders;
-- REINDEX SYSTEM has no concurrent form.
REINDEX SYSTEM app;
-- A table created in this migration, and an index on it.
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
CREATE INDEX IF NOT EXISTS invoices_id_idx ON invoices (id);
REINDEX TABLE invoices;
REINDEX INDEX invoices_id_idx;
