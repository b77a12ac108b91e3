CREATE SCHEMA IF NOT EXISTS reporting;
CREATE TABLE IF NOT EXISTS sales (id bigint PRIMARY KEY, sold_at timestamptz NOT NULL, total numeric NOT NULL);
CREATE OR REPLACE VIEW reporting.recent_sales AS
  SELECT id, sold_at, total FROM sales WHERE sold_at > now() - interval '7 days';
CREATE MATERIALIZED VIEW IF NOT EXISTS reporting.daily_sales AS
  SELECT date_trunc('day', sold_at) AS day, sum(total) AS revenue FROM sales GROUP BY 1
  WITH NO DATA;
CREATE TABLE IF NOT EXISTS tickets (id bigint PRIMARY KEY, title text NOT NULL);
