-- Added, copied and dropped, with its constraint and index made again.
ALTER TABLE nv_department ADD COLUMN name text;
UPDATE nv_department SET name = title;
ALTER TABLE nv_department ALTER COLUMN name SET NOT NULL;
ALTER TABLE nv_department DROP COLUMN title;
ALTER TABLE nv_department ADD UNIQUE (name);
CREATE INDEX nv_department_name_lower ON nv_department (lower(name));
