CREATE TABLE IF NOT EXISTS sales (id bigint PRIMARY KEY, qty integer NOT NULL);
CREATE MATERIALIZED VIEW IF NOT EXISTS sales_summary AS SELECT count(*) AS n FROM sales WITH NO DATA;
CREATE SEQUENCE IF NOT EXISTS sales_numbers;
CREATE INDEX IF NOT EXISTS sales_qty_idx ON sales (qty);
CREATE OR REPLACE PROCEDURE refresh_sales(full_refresh boolean) LANGUAGE sql AS $$ SELECT 1 $$;
CREATE OR REPLACE FUNCTION sales_total(since bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT 0::bigint $$;
CREATE OR REPLACE AGGREGATE sales_sum(integer) (sfunc = int4pl, stype = integer);
CREATE OR REPLACE VIEW sales_recent AS SELECT id FROM sales;
