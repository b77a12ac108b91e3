DROP VIEW IF EXISTS product_flags;
DROP VIEW IF EXISTS product_sales;
DROP VIEW IF EXISTS product_name;
DROP VIEW IF EXISTS product_price;
DROP VIEW IF EXISTS product_qty;
DROP TABLE IF EXISTS products;
