-- As pg_get_constraintdef() and pg_indexes.indexdef print them: the literals coerced to the
-- columns' types ('f' is false, '{}' is '{}'::text[]), the same definitions as before the up.
CREATE INDEX IF NOT EXISTS tagged_products_active_idx ON tagged_products USING btree (id) WHERE (active = true);
ALTER TABLE tagged_products DROP CONSTRAINT IF EXISTS tagged_products_active_price;
ALTER TABLE tagged_products ADD CONSTRAINT tagged_products_active_price CHECK (((active = false) OR (price > (0)::numeric)));
ALTER TABLE tagged_products DROP CONSTRAINT IF EXISTS tagged_products_tags_not_empty;
ALTER TABLE tagged_products ADD CONSTRAINT tagged_products_tags_not_empty CHECK ((tags <> '{}'::text[]));
