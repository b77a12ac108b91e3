SET LOCAL search_path = sp_template, public;
DROP INDEX IF EXISTS sp_tenants_name_idx;
ALTER TABLE sp_tenants DROP COLUMN IF EXISTS name;
DROP TABLE IF EXISTS sp_invoices;
