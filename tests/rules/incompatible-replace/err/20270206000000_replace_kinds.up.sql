-- OR REPLACE replaces only an object of its own kind.
CREATE OR REPLACE VIEW sales_summary AS SELECT count(*) AS n, sum(qty) AS qty FROM sales;
CREATE OR REPLACE VIEW sales AS SELECT 1 AS id;
CREATE OR REPLACE VIEW sales_numbers AS SELECT 1 AS n;
CREATE OR REPLACE VIEW public.sales_qty_idx AS SELECT 1 AS n;
CREATE OR REPLACE FUNCTION refresh_sales(full_refresh boolean) RETURNS void LANGUAGE sql AS $$ SELECT $$;
CREATE OR REPLACE PROCEDURE sales_total(since bigint) LANGUAGE sql AS $$ SELECT 1 $$;
CREATE OR REPLACE FUNCTION sales_sum(integer) RETURNS integer LANGUAGE sql AS $$ SELECT 0 $$;
CREATE OR REPLACE AGGREGATE refresh_sales(boolean) (sfunc = booland_statefunc, stype = boolean);
