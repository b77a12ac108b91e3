CREATE TABLE IF NOT EXISTS warehouses (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS stock_levels (
    warehouse_id bigint NOT NULL CONSTRAINT stock_levels_warehouse_fk REFERENCES warehouses,
    sku text NOT NULL,
    quantity integer NOT NULL CONSTRAINT stock_levels_quantity_check CHECK (quantity >= 0),
    CONSTRAINT stock_levels_warehouse_sku_key UNIQUE (warehouse_id, sku)
);
-- A CHECK constraint: no index for a conflict to meet
INSERT INTO stock_levels (warehouse_id, sku, quantity) VALUES (1, 'A-1', 0)
ON CONFLICT ON CONSTRAINT stock_levels_quantity_check DO NOTHING;
-- A FOREIGN KEY constraint, with DO UPDATE as well
INSERT INTO stock_levels (warehouse_id, sku, quantity) VALUES (1, 'A-2', 0)
ON CONFLICT ON CONSTRAINT stock_levels_warehouse_fk DO UPDATE SET quantity = EXCLUDED.quantity;
