CREATE TABLE IF NOT EXISTS ado_invoices (id bigint PRIMARY KEY, total numeric(14,2) NOT NULL);
ALTER TABLE ado_invoices
    ADD COLUMN IF NOT EXISTS paid numeric(14,2) NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS amount_due numeric(14,2) GENERATED ALWAYS AS (total - paid) STORED;
