ALTER MATERIALIZED VIEW IF EXISTS reporting.daily_sales_v1 RENAME TO daily_sales;
ALTER TABLE reporting.recent_sales RESET (security_barrier);
ALTER TABLE reporting.recent_sales ALTER COLUMN total DROP DEFAULT;
ALTER VIEW reporting.daily_sales RENAME COLUMN gross_revenue TO revenue;
COMMENT ON COLUMN reporting.recent_sales.total IS NULL;
COMMENT ON COLUMN reporting.daily_sales.revenue IS NULL;
COMMENT ON TABLE sales IS NULL;
COMMENT ON VIEW reporting.recent_sales IS NULL;
COMMENT ON MATERIALIZED VIEW reporting.daily_sales IS NULL;
