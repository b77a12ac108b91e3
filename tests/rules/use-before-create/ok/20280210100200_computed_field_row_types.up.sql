CREATE TABLE IF NOT EXISTS cfo_orders (id bigint PRIMARY KEY, total_cents integer NOT NULL DEFAULT 0);
CREATE TYPE cfo_address AS (city text, zip text);
-- fields of the row types of a table and of a composite type, through the parameters
CREATE OR REPLACE FUNCTION cfo_order_total_dollars(o cfo_orders) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT round(o.total_cents / 100.0, 2)
$$;
CREATE OR REPLACE FUNCTION cfo_city(a cfo_address) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT a.city
$$;
