ALTER TABLE catalog_prices DROP COLUMN IF EXISTS valid_from;
DROP INDEX IF EXISTS catalog_items_nme_idx;
ALTER TABLE catalog_prices DROP CONSTRAINT IF EXISTS catalog_prices_item_fkey;
ALTER TABLE catalog_items DROP CONSTRAINT IF EXISTS catalog_items_name_key;
ALTER TABLE catalog_items DROP CONSTRAINT IF EXISTS catalog_items_name_check;
DROP VIEW IF EXISTS catalog_item_names;
DROP INDEX IF EXISTS catalog_items_name_idx;
