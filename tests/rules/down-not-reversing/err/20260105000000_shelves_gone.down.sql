-- Made again as it was before the up but for the index's WHERE.
CREATE TABLE IF NOT EXISTS shelf_items (
  id bigint PRIMARY KEY,
  shelf_id bigint,
  shelf_code text,
  sku text,
  slot int4range
);
CREATE INDEX IF NOT EXISTS shelf_items_sku_idx ON shelf_items (sku);
