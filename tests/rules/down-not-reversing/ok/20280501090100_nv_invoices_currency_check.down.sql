ALTER TABLE nv_invoices DROP CONSTRAINT IF EXISTS nv_invoices_currency_not_null;
