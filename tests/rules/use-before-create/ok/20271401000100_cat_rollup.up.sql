CREATE TABLE IF NOT EXISTS cat_sales (id bigint PRIMARY KEY, region text NOT NULL, amount numeric);
-- Named as PostgreSQL names them: an alias, a column, a function, a cast's type.
CREATE TABLE IF NOT EXISTS cat_rollup AS SELECT region, sum(amount), count(*) AS n, 'eu'::text, now()::date FROM cat_sales GROUP BY region;
CREATE INDEX IF NOT EXISTS cat_rollup_idx ON cat_rollup (region, sum, n, text, now);
SELECT id, region::varchar INTO cat_sales_copy FROM cat_sales;
CREATE INDEX IF NOT EXISTS cat_sales_copy_idx ON cat_sales_copy (id, region);
-- SELECT *: only PostgreSQL knows the columns, and sqlgate does not judge them
CREATE TABLE IF NOT EXISTS cat_sales_all AS SELECT * FROM cat_sales;
CREATE INDEX IF NOT EXISTS cat_sales_all_idx ON cat_sales_all (amount);
