CREATE TABLE IF NOT EXISTS sf_orders (
    id bigint PRIMARY KEY,
    amount_cents integer NOT NULL DEFAULT 0,
    line_items jsonb NOT NULL DEFAULT '[]'
);
-- Hasura style: a function that returns the table's rows, and views that read its columns
CREATE OR REPLACE FUNCTION sf_search_orders(search jsonb) RETURNS SETOF sf_orders
LANGUAGE sql STABLE AS $$
  SELECT * FROM sf_orders WHERE line_items @> search
$$;
CREATE OR REPLACE VIEW sf_big_orders AS
  SELECT id, amount_cents FROM sf_search_orders('[]') WHERE amount_cents > 10000;
CREATE OR REPLACE VIEW sf_order_items AS
  SELECT s.id, s.line_items FROM public.sf_search_orders('[]'::jsonb) AS s;
