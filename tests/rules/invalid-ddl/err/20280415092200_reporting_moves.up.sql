-- ALTER VIEW and ALTER MATERIALIZED VIEW take only their own kind, IF EXISTS too
ALTER VIEW reporting.daily_sales OWNER TO CURRENT_USER;
ALTER MATERIALIZED VIEW reporting.recent_sales SET SCHEMA public;
ALTER VIEW IF EXISTS reporting.daily_sales RENAME TO daily_sales_v1;
