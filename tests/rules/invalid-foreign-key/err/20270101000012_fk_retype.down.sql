ALTER TABLE fk_children ALTER COLUMN area TYPE int USING area::int;
ALTER TABLE fk_children RENAME COLUMN area TO region;
ALTER TABLE fk_children ALTER COLUMN num TYPE int;
ALTER TABLE fk_parents ALTER COLUMN code TYPE text;
ALTER TABLE fk_children ALTER COLUMN parent_id TYPE integer;
