CREATE INDEX IF NOT EXISTS tagged_products_active_idx ON tagged_products USING btree (id) WHERE (active = false);
ALTER TABLE tagged_products DROP CONSTRAINT IF EXISTS tagged_products_active_price;
ALTER TABLE tagged_products ADD CONSTRAINT tagged_products_active_price CHECK (((active = 'yes') OR (price > (0)::numeric)));
ALTER TABLE tagged_products DROP CONSTRAINT IF EXISTS tagged_products_tags_not_empty;
ALTER TABLE tagged_products ADD CONSTRAINT tagged_products_tags_not_empty CHECK ((tags <> '{}'::text[]));
