-- The collation the column has already: PostgreSQL keeps the table and its indexes
-- (pg_class.relfilenode of both unchanged).
ALTER TABLE skus ALTER COLUMN tag TYPE text COLLATE "C";
ALTER TABLE skus ALTER COLUMN tag TYPE text COLLATE pg_catalog."C";
-- "default" is the collation text has without COLLATE.
ALTER TABLE skus ALTER COLUMN code TYPE text COLLATE "default";
-- varchar(32) -> text keeps the default collation, and the indexes.
ALTER TABLE skus ALTER COLUMN label TYPE text;
