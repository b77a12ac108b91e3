-- each relation named as what it is; a column's comment and a view's RENAME COLUMN take both
COMMENT ON MATERIALIZED VIEW reporting.daily_sales IS 'Revenue per day, refreshed nightly';
COMMENT ON VIEW reporting.recent_sales IS 'Sales of the last 7 days';
COMMENT ON TABLE sales IS 'Every sale';
COMMENT ON COLUMN reporting.daily_sales.revenue IS 'Sum of the day''s totals';
COMMENT ON COLUMN reporting.recent_sales.total IS 'With tax';
ALTER VIEW reporting.daily_sales RENAME COLUMN revenue TO gross_revenue;
-- ALTER TABLE takes a view for SET DEFAULT, SET (...), OWNER TO and RENAME
ALTER TABLE reporting.recent_sales ALTER COLUMN total SET DEFAULT 0;
ALTER TABLE reporting.recent_sales SET (security_barrier = true);
ALTER TABLE reporting.recent_sales OWNER TO CURRENT_USER;
ALTER MATERIALIZED VIEW IF EXISTS reporting.daily_sales RENAME TO daily_sales_v1;
