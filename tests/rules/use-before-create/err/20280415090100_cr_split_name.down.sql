ALTER TABLE cr_customers ADD COLUMN IF NOT EXISTS full_name text, ADD COLUMN IF NOT EXISTS legacy_code text;
ALTER TABLE cr_customers DROP COLUMN IF EXISTS first_name;
