CREATE SCHEMA reporting;
CREATE TYPE product_state AS ENUM ('draft', 'live');
CREATE TABLE product (
  id bigint PRIMARY KEY,
  sku text NOT NULL,
  price numeric NOT NULL,
  state product_state NOT NULL,
  deleted_at timestamptz
);
CREATE TABLE reporting.daily (id bigint PRIMARY KEY, total numeric);
-- a column list in a publication of its own; a row filter with TABLES IN SCHEMA is taken
CREATE PUBLICATION analytics_pub FOR TABLES IN SCHEMA reporting, TABLE product WHERE (price > 0);
CREATE PUBLICATION export_pub FOR TABLE product (id, sku);
-- row filters of columns, constants, built-in operators and immutable built-in functions
CREATE PUBLICATION live_pub FOR TABLE product
  WHERE (price > 1000 AND deleted_at IS NULL AND lower(sku) LIKE 'a%' AND coalesce(price, 0) > 0);
CREATE PUBLICATION recent_pub FOR TABLE product WHERE (deleted_at > '2024-01-01');
-- SET replaces the schema with a column list
CREATE PUBLICATION reporting_pub FOR TABLES IN SCHEMA reporting;
ALTER PUBLICATION reporting_pub SET TABLE product (id, sku);
ALTER PUBLICATION reporting_pub DROP TABLE product;
ALTER PUBLICATION reporting_pub ADD TABLES IN SCHEMA reporting;
