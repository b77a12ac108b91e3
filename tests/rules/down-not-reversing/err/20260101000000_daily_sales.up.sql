CREATE TABLE IF NOT EXISTS sales (sold_on date NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW IF NOT EXISTS daily_sales AS
  SELECT sold_on, sum(amount) AS revenue FROM sales GROUP BY sold_on;
COMMENT ON MATERIALIZED VIEW daily_sales IS 'Revenue per day';
