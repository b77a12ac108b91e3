ALTER TABLE customers ALTER COLUMN total TYPE int;
ALTER TABLE customers ALTER COLUMN code TYPE text;
ALTER TABLE customers ALTER COLUMN email TYPE text;
ALTER TABLE customers ALTER COLUMN score TYPE int;
ALTER TABLE customers ALTER COLUMN nick TYPE text;
ALTER DOMAIN email_addr DROP CONSTRAINT IF EXISTS email_addr_check;
