ALTER TABLE catalog_items RENAME COLUMN name TO title;
ALTER TABLE catalog_items RENAME COLUMN sku TO code;
ALTER TABLE catalog_items DROP COLUMN IF EXISTS note;
