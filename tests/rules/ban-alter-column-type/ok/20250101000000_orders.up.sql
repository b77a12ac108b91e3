-- Known sources that PostgreSQL changes without a rewrite (checked with pg_class.relfilenode).
ALTER TABLE orders ADD COLUMN IF NOT EXISTS sku varchar(64), ADD COLUMN IF NOT EXISTS price numeric(10,2);
ALTER TABLE orders ALTER COLUMN sku TYPE varchar(128);
ALTER TABLE orders ALTER COLUMN sku TYPE text USING sku::text;
ALTER TABLE orders ALTER COLUMN price TYPE numeric(12,2);
ALTER TABLE orders ALTER COLUMN price TYPE numeric;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS flags bit varying(8);
ALTER TABLE orders ALTER COLUMN flags TYPE bit varying(16);
-- A table created in this migration is empty.
CREATE TABLE IF NOT EXISTS invoices (id integer PRIMARY KEY, total integer);
ALTER TABLE invoices ALTER COLUMN id TYPE bigint, ALTER COLUMN total TYPE numeric(12,2);
