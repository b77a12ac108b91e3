DROP PUBLICATION IF EXISTS analytics_pub, export_pub, live_pub, recent_pub, reporting_pub;
DROP TABLE reporting.daily;
DROP TABLE product;
DROP TYPE product_state;
DROP SCHEMA reporting;
