CREATE TABLE IF NOT EXISTS cat_orders (id bigint PRIMARY KEY, customer text NOT NULL);
CREATE TABLE IF NOT EXISTS cat_totals AS SELECT customer, count(*) FROM cat_orders GROUP BY customer;
