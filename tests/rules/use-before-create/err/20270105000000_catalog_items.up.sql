CREATE TABLE IF NOT EXISTS catalog_items (id bigint PRIMARY KEY, sku text UNIQUE, name text, note text);
CREATE TABLE IF NOT EXISTS catalog_prices (id bigint PRIMARY KEY, item_sku text, amount integer);
