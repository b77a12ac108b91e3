-- sku is NOT NULL from its CREATE TABLE: SET NOT NULL changes nothing, the down has nothing to drop.
ALTER TABLE products ALTER COLUMN sku SET NOT NULL;
ALTER TABLE products REPLICA IDENTITY USING INDEX products_sku_key;
