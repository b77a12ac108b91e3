-- the generated column first, then the column it reads
ALTER TABLE IF EXISTS ado_invoices DROP COLUMN IF EXISTS amount_due, DROP COLUMN IF EXISTS paid;
DROP TABLE IF EXISTS ado_invoices;
