-- Integers of other widths, and string types, compare with the keys.
ALTER TABLE fk_children ALTER COLUMN parent_id TYPE bigint;
ALTER TABLE fk_parents ALTER COLUMN id TYPE bigint;
ALTER TABLE fk_children ALTER COLUMN parent_code TYPE text;
ALTER TABLE fk_parents ALTER COLUMN num TYPE bigint;
-- The foreign key goes first in the same statement.
ALTER TABLE fk_children DROP CONSTRAINT fk_children_code_fk,
  ALTER COLUMN parent_code TYPE uuid USING parent_code::uuid;
