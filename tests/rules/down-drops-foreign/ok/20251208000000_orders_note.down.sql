-- rebuilds orders without the column (and so drops and recreates a table the up only altered)
CREATE TEMP TABLE orders_backup AS SELECT id, user_id FROM orders;
DROP TABLE orders;
CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id));
INSERT INTO orders SELECT * FROM orders_backup;
