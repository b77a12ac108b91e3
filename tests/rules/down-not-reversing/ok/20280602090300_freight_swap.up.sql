-- A table rebuilt by a swap: the foreign key is dropped while freight is renamed away, and added
-- again to the new freight.
CREATE TABLE freight_new (LIKE freight INCLUDING ALL);
INSERT INTO freight_new SELECT * FROM freight;
ALTER TABLE freight_items DROP CONSTRAINT freight_items_freight_id_fkey;
ALTER TABLE freight RENAME TO freight_old;
ALTER TABLE freight_new RENAME TO freight;
ALTER TABLE freight_items
    ADD CONSTRAINT freight_items_freight_id_fkey FOREIGN KEY (freight_id) REFERENCES freight (id) ON DELETE CASCADE;
