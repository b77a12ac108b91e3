-- The referencing column: a numeric column does not reference an integer key.
ALTER TABLE fk_children ALTER COLUMN parent_id TYPE numeric;
-- The referenced column: a uuid key takes no varchar.
ALTER TABLE fk_parents ALTER COLUMN code TYPE uuid USING code::uuid;
-- The second column of a two-column key.
ALTER TABLE fk_children ALTER COLUMN num TYPE float8;
-- A column renamed since the foreign key was made.
ALTER TABLE fk_children RENAME COLUMN region TO area;
ALTER TABLE fk_children ALTER COLUMN area TYPE text;
