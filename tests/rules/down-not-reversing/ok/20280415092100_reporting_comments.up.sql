-- COMMENT ON TABLE of a view, ON TABLE or VIEW of a materialized view: PostgreSQL refuses each
-- ("... is not a table"), so no comment is set that the down would take back (invalid-ddl)
COMMENT ON TABLE reporting.recent_sales IS 'Sales of the last 7 days';
COMMENT ON TABLE reporting.daily_sales IS 'Revenue per day';
COMMENT ON VIEW reporting.daily_sales IS 'Revenue per day, refreshed nightly';
