COMMENT ON VIEW reporting.daily_sales IS NULL;
