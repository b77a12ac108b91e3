DROP PUBLICATION IF EXISTS analytics_pub, export_pub, live_pub, band_pub, state_pub, page_pub,
  daily_pub, count_pub, today_pub, pricing_pub, reporting_pub;
DROP FUNCTION price_band(numeric);
DROP TABLE reporting.daily;
DROP TABLE product;
DROP TYPE product_state;
DROP SCHEMA reporting;
