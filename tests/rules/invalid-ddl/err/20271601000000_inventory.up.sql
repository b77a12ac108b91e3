CREATE TABLE inventory (
  product_id bigint,
  warehouse_id integer NOT NULL,
  bin integer NOT NULL,
  qty integer NOT NULL DEFAULT 0,
  CONSTRAINT inventory_bin_key UNIQUE (bin) DEFERRABLE
);
CREATE UNIQUE INDEX inventory_product_warehouse_key ON inventory (product_id, warehouse_id);
CREATE INDEX inventory_warehouse_idx ON inventory (warehouse_id);
CREATE UNIQUE INDEX inventory_stocked_key ON inventory (warehouse_id, bin) WHERE qty > 0;
CREATE UNIQUE INDEX inventory_slot_key ON inventory (warehouse_id, (bin + 1));
