ALTER TABLE customers ADD CONSTRAINT customers_code_key UNIQUE (code);
ALTER TABLE orders ADD CONSTRAINT orders_code_fkey FOREIGN KEY (id) REFERENCES customers (id);
