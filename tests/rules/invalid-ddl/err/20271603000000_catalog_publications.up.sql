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
CREATE FUNCTION price_band(p numeric) RETURNS int IMMUTABLE LANGUAGE sql AS 'SELECT (p / 100)::int';
-- a column list with TABLES IN SCHEMA, in either order
CREATE PUBLICATION analytics_pub FOR TABLES IN SCHEMA reporting, TABLE product (id, sku);
CREATE PUBLICATION export_pub FOR TABLE product (id, sku), TABLES IN SCHEMA reporting;
-- row filters: a stable function, a function of the migrations' (IMMUTABLE or not), a column of
-- an enum, a system column, a subquery, an aggregate, CURRENT_DATE
CREATE PUBLICATION live_pub FOR TABLE product WHERE (price > 1000 AND deleted_at < now());
CREATE PUBLICATION band_pub FOR TABLE product WHERE (price_band(price) > 3);
CREATE PUBLICATION state_pub FOR TABLE product WHERE (state = 'live');
CREATE PUBLICATION page_pub FOR TABLE product WHERE (ctid > '(0,1)');
CREATE PUBLICATION daily_pub FOR TABLE product WHERE (id IN (SELECT id FROM reporting.daily));
CREATE PUBLICATION count_pub FOR TABLE product WHERE (count(*) > 0);
CREATE PUBLICATION today_pub FOR TABLE product WHERE (deleted_at::date = CURRENT_DATE);
-- ALTER PUBLICATION: a schema added to a publication with a column list, a column list added to
-- one with a schema, a row filter set
CREATE PUBLICATION pricing_pub FOR TABLE product (id, price);
ALTER PUBLICATION pricing_pub ADD TABLES IN SCHEMA reporting;
CREATE PUBLICATION reporting_pub FOR TABLES IN SCHEMA reporting;
ALTER PUBLICATION reporting_pub ADD TABLE product (id, sku);
ALTER PUBLICATION pricing_pub SET TABLE product WHERE (deleted_at > now() - interval '1 day');
