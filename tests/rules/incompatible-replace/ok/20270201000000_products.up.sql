CREATE TABLE IF NOT EXISTS products (id bigint PRIMARY KEY, qty integer NOT NULL, price numeric(10,2) NOT NULL, name varchar(20));
CREATE OR REPLACE VIEW product_qty AS SELECT id, qty FROM products;
CREATE OR REPLACE VIEW product_price AS SELECT p.id, p.price FROM products AS p;
CREATE OR REPLACE VIEW product_name AS SELECT id, name FROM products;
CREATE OR REPLACE VIEW product_sales AS SELECT id, sum(qty) AS qty FROM products GROUP BY id;
CREATE OR REPLACE VIEW product_flags AS SELECT id, 1 AS one, 'new' AS label FROM products;
