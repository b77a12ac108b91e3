-- note is there again; code and full_name are cro_accounts' (the subquery's, the alias's)
UPDATE cro_customers SET note = lower(note);
UPDATE cro_customers SET note = code FROM cro_accounts WHERE cro_accounts.id = cro_customers.id;
UPDATE cro_customers c SET note = a.full_name FROM cro_accounts a WHERE a.id = c.id;
UPDATE cro_customers SET note = (SELECT full_name FROM cro_accounts a WHERE a.id = cro_customers.id);
DELETE FROM cro_customers WHERE id IN (SELECT id FROM cro_accounts WHERE code = 'x');
DELETE FROM cro_customers USING cro_accounts WHERE cro_accounts.id = cro_customers.id AND code = 'y';
-- a WITH query named as the dropped table is not the table
WITH cro_legacy AS (SELECT id, code FROM cro_accounts)
INSERT INTO cro_accounts (id, code) SELECT id + 1000, code FROM cro_legacy ON CONFLICT (id) DO NOTHING;
WITH cro_legacy AS (SELECT id, code FROM cro_accounts)
UPDATE cro_customers SET note = cro_legacy.code FROM cro_legacy WHERE cro_legacy.id = cro_customers.id;
-- a variable of the DO block, not a column
DO $$
DECLARE
  full_name text := 'n/a';
BEGIN
  UPDATE cro_customers SET note = full_name;
END
$$;
