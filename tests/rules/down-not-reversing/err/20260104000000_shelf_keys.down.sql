-- Each added back with one difference: another table, no MATCH FULL, no NULLS NOT DISTINCT,
-- another operator, no INCLUDE.
ALTER TABLE shelf_items ADD CONSTRAINT shelf_items_shelf_fk FOREIGN KEY (shelf_id) REFERENCES racks (id),
  ADD CONSTRAINT shelf_items_code_fk FOREIGN KEY (shelf_code) REFERENCES shelves (code),
  ADD CONSTRAINT shelf_items_sku_key UNIQUE (sku),
  ADD CONSTRAINT shelf_items_slot_excl EXCLUDE USING gist (slot WITH =),
  ADD CONSTRAINT shelf_items_id_key UNIQUE (id);
