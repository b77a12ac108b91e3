CREATE TABLE IF NOT EXISTS products (id bigint PRIMARY KEY, sku text NOT NULL, CONSTRAINT products_sku_key UNIQUE (sku));
