CREATE TABLE IF NOT EXISTS cat_sales (id bigint PRIMARY KEY, region text NOT NULL, amount numeric);
-- CREATE TABLE ... AS: the column list names the first columns; sum(amount) is named sum
CREATE TABLE IF NOT EXISTS cat_rollup (area) AS SELECT region, sum(amount) FROM cat_sales GROUP BY region;
CREATE INDEX IF NOT EXISTS cat_rollup_sum_idx ON cat_rollup (area, sum);
CREATE INDEX IF NOT EXISTS cat_rollup_region_idx ON cat_rollup (region);
