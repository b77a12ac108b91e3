ALTER TABLE shelf_items DROP CONSTRAINT IF EXISTS shelf_items_shelf_fk,
  DROP CONSTRAINT IF EXISTS shelf_items_code_fk, DROP CONSTRAINT IF EXISTS shelf_items_sku_key,
  DROP CONSTRAINT IF EXISTS shelf_items_slot_excl, DROP CONSTRAINT IF EXISTS shelf_items_id_key;
