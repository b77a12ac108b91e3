-- product_id is nullable
ALTER TABLE inventory REPLICA IDENTITY USING INDEX inventory_product_warehouse_key;
-- not unique
ALTER TABLE inventory REPLICA IDENTITY USING INDEX inventory_warehouse_idx;
-- partial
ALTER TABLE inventory REPLICA IDENTITY USING INDEX inventory_stocked_key;
-- on an expression
ALTER TABLE inventory REPLICA IDENTITY USING INDEX inventory_slot_key;
-- a DEFERRABLE constraint's
ALTER TABLE inventory REPLICA IDENTITY USING INDEX inventory_bin_key;
-- the primary key dropped since leaves the column NOT NULL; DROP NOT NULL after it does not
ALTER TABLE inventory ADD CONSTRAINT inventory_pkey PRIMARY KEY (product_id, warehouse_id);
ALTER TABLE inventory DROP CONSTRAINT inventory_pkey;
ALTER TABLE inventory ALTER COLUMN product_id DROP NOT NULL;
ALTER TABLE inventory REPLICA IDENTITY USING INDEX inventory_product_warehouse_key;
