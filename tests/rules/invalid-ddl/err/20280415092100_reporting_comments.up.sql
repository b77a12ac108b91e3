-- COMMENT ON names the relation's kind, and PostgreSQL takes no other: "... is not a view"
COMMENT ON VIEW reporting.daily_sales IS 'Revenue per day, refreshed nightly';
COMMENT ON TABLE reporting.recent_sales IS 'Sales of the last 7 days';
COMMENT ON MATERIALIZED VIEW reporting.recent_sales IS 'Sales of the last 7 days';
COMMENT ON TABLE reporting.daily_sales IS 'Revenue per day';
COMMENT ON VIEW sales IS 'Every sale';
