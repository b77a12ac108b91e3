CREATE TEMP TABLE order_backup AS SELECT * FROM orders;
DROP TABLE IF EXISTS orders;
CREATE TABLE IF NOT EXISTS orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id));
INSERT INTO orders SELECT * FROM order_backup;
DROP TABLE order_backup;
UPDATE schema_migrations SET dirty = false;
