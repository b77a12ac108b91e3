DROP MATERIALIZED VIEW IF EXISTS daily_sales;
CREATE MATERIALIZED VIEW IF NOT EXISTS daily_sales AS
  SELECT sold_on, count(*) AS orders, sum(amount) AS revenue FROM sales GROUP BY sold_on;
