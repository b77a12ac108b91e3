DROP VIEW IF EXISTS product_qty;
CREATE OR REPLACE VIEW product_qty AS SELECT id, qty FROM products;
