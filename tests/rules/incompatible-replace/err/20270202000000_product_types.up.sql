-- Each changes the type of a column PostgreSQL knows.
CREATE OR REPLACE VIEW product_qty AS SELECT id, qty::bigint AS qty FROM products;
CREATE OR REPLACE VIEW product_price AS SELECT p.id, p.price::numeric(12,2) AS price FROM products AS p;
CREATE OR REPLACE VIEW product_name AS SELECT id, name::varchar AS name FROM products;
CREATE OR REPLACE VIEW product_sales AS SELECT id, sum(qty)::integer AS qty FROM products GROUP BY id;
CREATE OR REPLACE VIEW product_flags AS SELECT id, 1.0 AS one, NULL::varchar AS label FROM products;
