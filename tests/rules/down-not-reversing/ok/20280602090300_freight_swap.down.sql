-- The swap undone first: by the time the foreign key is added again, freight is the table it
-- referenced before the up (PostgreSQL: confrelid is that table's oid again).
ALTER TABLE freight_items DROP CONSTRAINT freight_items_freight_id_fkey;
ALTER TABLE freight RENAME TO freight_new;
ALTER TABLE freight_old RENAME TO freight;
ALTER TABLE freight_items
    ADD CONSTRAINT freight_items_freight_id_fkey FOREIGN KEY (freight_id) REFERENCES freight (id) ON DELETE CASCADE;
DROP TABLE freight_new;
