-- NOT NULL in the same statement runs first
ALTER TABLE inventory ALTER COLUMN product_id SET NOT NULL,
  REPLICA IDENTITY USING INDEX inventory_product_warehouse_key;
ALTER TABLE inventory REPLICA IDENTITY DEFAULT;
ALTER TABLE inventory ALTER COLUMN product_id DROP NOT NULL;
-- a primary key made and dropped leaves its columns NOT NULL
ALTER TABLE inventory ADD CONSTRAINT inventory_pkey PRIMARY KEY (product_id, warehouse_id);
ALTER TABLE inventory DROP CONSTRAINT inventory_pkey;
ALTER TABLE inventory REPLICA IDENTITY USING INDEX inventory_product_warehouse_key;
-- FULL and DEFAULT take no index
ALTER TABLE inventory REPLICA IDENTITY FULL;
CREATE TABLE stock_move (id bigint GENERATED ALWAYS AS IDENTITY, code serial, sku text NOT NULL);
CREATE UNIQUE INDEX stock_move_id_code_key ON stock_move (id, code) INCLUDE (sku);
ALTER TABLE stock_move REPLICA IDENTITY USING INDEX stock_move_id_code_key;
ALTER TABLE stock_move ADD CONSTRAINT stock_move_sku_key UNIQUE (sku);
ALTER TABLE stock_move REPLICA IDENTITY USING INDEX stock_move_sku_key;
