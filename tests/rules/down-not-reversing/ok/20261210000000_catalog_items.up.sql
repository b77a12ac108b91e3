CREATE TABLE IF NOT EXISTS catalog_items (id bigint PRIMARY KEY, name text NOT NULL, price numeric);
CREATE SCHEMA IF NOT EXISTS audit;
