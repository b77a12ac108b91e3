ALTER TABLE tagged_products DROP CONSTRAINT IF EXISTS tagged_products_tags_not_empty;
ALTER TABLE tagged_products DROP CONSTRAINT IF EXISTS tagged_products_active_price;
DROP INDEX IF EXISTS tagged_products_active_idx;
