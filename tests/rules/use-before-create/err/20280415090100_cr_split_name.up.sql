ALTER TABLE cr_customers ADD COLUMN IF NOT EXISTS first_name text;
UPDATE cr_customers SET first_name = split_part(full_name, ' ', 1) WHERE first_name IS NULL;
ALTER TABLE cr_customers DROP COLUMN IF EXISTS full_name, DROP COLUMN IF EXISTS legacy_code;
