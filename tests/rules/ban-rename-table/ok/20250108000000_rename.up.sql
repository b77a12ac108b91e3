-- A table created by this migration.
CREATE TABLE IF NOT EXISTS invoice_drafts (id bigint);
ALTER TABLE invoice_drafts RENAME TO invoices;
-- Renaming an index or a constraint breaks no query.
ALTER INDEX orders_state_idx RENAME TO orders_status_idx;
ALTER TABLE orders RENAME CONSTRAINT orders_fk TO orders_customer_fk;
