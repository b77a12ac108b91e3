CREATE TABLE IF NOT EXISTS shop_sales (sold_on date NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW IF NOT EXISTS weekly_sales AS
  SELECT date_trunc('week', sold_on) AS week, sum(amount) AS revenue FROM shop_sales GROUP BY 1;
COMMENT ON MATERIALIZED VIEW weekly_sales IS 'Revenue per week';
