-- NOT DEFERRABLE already (20260106000000): nothing changes
ALTER TABLE shelf_items ALTER CONSTRAINT shelf_items_bin_fk NOT DEFERRABLE;
