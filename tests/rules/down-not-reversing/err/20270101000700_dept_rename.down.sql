-- The rename written as add, copy and drop: DROP COLUMN title takes the unique constraint and the
-- index on it, which the new column name does not get back.
ALTER TABLE nv_department ADD COLUMN name text;
UPDATE nv_department SET name = title;
ALTER TABLE nv_department ALTER COLUMN name SET NOT NULL;
ALTER TABLE nv_department DROP COLUMN title;
