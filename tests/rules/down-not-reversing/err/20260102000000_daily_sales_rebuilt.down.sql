-- The old definition comes back, its comment does not (warning).
DROP MATERIALIZED VIEW IF EXISTS daily_sales;
CREATE MATERIALIZED VIEW IF NOT EXISTS daily_sales AS
  SELECT sold_on, sum(amount) AS revenue FROM sales GROUP BY sold_on;
