CREATE TABLE IF NOT EXISTS shelves (id bigint PRIMARY KEY, code text UNIQUE);
CREATE TABLE IF NOT EXISTS racks (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS shelf_items (
  id bigint PRIMARY KEY,
  shelf_id bigint,
  shelf_code text,
  sku text,
  slot int4range,
  CONSTRAINT shelf_items_shelf_fk FOREIGN KEY (shelf_id) REFERENCES shelves (id),
  CONSTRAINT shelf_items_code_fk FOREIGN KEY (shelf_code) REFERENCES shelves (code) MATCH FULL,
  CONSTRAINT shelf_items_sku_key UNIQUE NULLS NOT DISTINCT (sku),
  CONSTRAINT shelf_items_slot_excl EXCLUDE USING gist (slot WITH &&),
  CONSTRAINT shelf_items_id_key UNIQUE (id) INCLUDE (sku)
);
CREATE INDEX IF NOT EXISTS shelf_items_sku_idx ON shelf_items (sku) WHERE sku IS NOT NULL;
