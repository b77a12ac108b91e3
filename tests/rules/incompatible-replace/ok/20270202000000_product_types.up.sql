-- The same types, written otherwise; new columns at the end; types sqlgate cannot tell.
CREATE OR REPLACE VIEW product_qty AS SELECT id, qty::int4 AS qty, qty::bigint AS qty_big FROM products;
CREATE OR REPLACE VIEW product_price AS SELECT p.id, p.price::numeric(10,2) AS price FROM products AS p;
CREATE OR REPLACE VIEW product_name AS SELECT id, upper(name)::varchar(20) AS name FROM products;
CREATE OR REPLACE VIEW product_sales AS SELECT id, sum(qty)::bigint AS qty FROM products GROUP BY id;
CREATE OR REPLACE VIEW product_flags AS SELECT id, 2 AS one, coalesce(name::text, 'new') AS label FROM products;
