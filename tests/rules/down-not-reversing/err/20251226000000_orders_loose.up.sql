ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_code_fkey;
ALTER TABLE customers DROP CONSTRAINT IF EXISTS customers_code_key;
