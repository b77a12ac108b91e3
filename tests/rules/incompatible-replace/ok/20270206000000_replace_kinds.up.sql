-- The materialized view dropped first; other argument types are another routine; a view of the
-- name in another schema.
DROP MATERIALIZED VIEW IF EXISTS sales_summary;
CREATE OR REPLACE VIEW sales_summary AS SELECT count(*) AS n, sum(qty) AS qty FROM sales;
CREATE OR REPLACE FUNCTION refresh_sales(full_refresh integer) RETURNS void LANGUAGE sql AS $$ SELECT $$;
CREATE OR REPLACE PROCEDURE sales_total(since integer) LANGUAGE sql AS $$ SELECT 1 $$;
CREATE SCHEMA IF NOT EXISTS reporting;
CREATE OR REPLACE VIEW reporting.sales AS SELECT 1 AS id;
