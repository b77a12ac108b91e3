CREATE TABLE IF NOT EXISTS atsf_orders (id bigint PRIMARY KEY, amount_cents integer NOT NULL DEFAULT 0);
CREATE OR REPLACE FUNCTION atsf_all_orders() RETURNS SETOF atsf_orders
LANGUAGE sql STABLE AS $$
  SELECT * FROM atsf_orders
$$;
-- the view reads amount_cents through the function's rows
CREATE OR REPLACE VIEW atsf_big_orders AS
  SELECT id, amount_cents FROM atsf_all_orders() WHERE amount_cents > 10000;
