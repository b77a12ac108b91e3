ALTER TABLE catalog_items ADD COLUMN IF NOT EXISTS note text;
ALTER TABLE catalog_items RENAME COLUMN code TO sku;
ALTER TABLE catalog_items RENAME COLUMN title TO name;
