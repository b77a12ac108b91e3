-- Validated, then SET NOT NULL uses it instead of a scan, then it goes.
ALTER TABLE nv_invoices VALIDATE CONSTRAINT nv_invoices_currency_not_null;
ALTER TABLE nv_invoices ALTER COLUMN currency SET NOT NULL;
ALTER TABLE nv_invoices DROP CONSTRAINT IF EXISTS nv_invoices_currency_not_null;
