DROP INDEX IF EXISTS tagged_products_active_idx;
DROP TABLE IF EXISTS tagged_products;
