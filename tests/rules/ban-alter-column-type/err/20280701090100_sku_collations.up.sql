-- Another collation: PostgreSQL keeps the table's file but builds each index on the column anew
-- (pg_class.relfilenode of skus_code_key changes, that of skus does not).
ALTER TABLE skus ALTER COLUMN code TYPE text COLLATE "C";
-- A nondeterministic one alike.
ALTER TABLE skus ALTER COLUMN handle TYPE text COLLATE case_insensitive;
-- varchar(32) -> text alone keeps the indexes; with COLLATE "C" they are built anew.
ALTER TABLE skus ALTER COLUMN label TYPE text COLLATE "C";
-- No COLLATE gives the new type's default collation: "default" where the column had "C"
-- (\d shows no collation left on tag and note), even for the same type or a longer varchar.
ALTER TABLE skus ALTER COLUMN tag TYPE text;
ALTER TABLE skus ALTER COLUMN note TYPE varchar(64);
