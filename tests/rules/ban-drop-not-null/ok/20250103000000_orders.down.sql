-- A down reverses its up's SET NOT NULL.
ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE orders DROP COLUMN IF EXISTS note;
DROP TABLE IF EXISTS invoices;
