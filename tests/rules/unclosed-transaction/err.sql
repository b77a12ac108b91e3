BEGIN;
CREATE TABLE IF NOT EXISTS invoices (id bigint PRIMARY KEY);
CREATE INDEX IF NOT EXISTS invoices_id_idx ON invoices (id);
