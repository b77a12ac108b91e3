CREATE TABLE sensors (
  id int NOT NULL,
  region text NOT NULL,
  name text,
  CONSTRAINT sensors_id_check CHECK (id > 0)
) PARTITION BY LIST (region);
-- The parent's columns in another order, NOT NULL where more, its CHECK constraint and one more,
-- a foreign key and an identity of its own.
CREATE TABLE sensor_kind (id int PRIMARY KEY);
CREATE TABLE sensors_us (
  name text NOT NULL CHECK (name <> ''),
  region text NOT NULL,
  id int GENERATED ALWAYS AS IDENTITY REFERENCES sensor_kind,
  CONSTRAINT sensors_id_check CHECK (id > 0)
);
ALTER TABLE sensors ATTACH PARTITION sensors_us FOR VALUES IN ('us');
-- The missing pieces added first; a dropped column is no column.
CREATE TABLE sensors_eu (region text NOT NULL, id int, extra int);
ALTER TABLE sensors_eu DROP COLUMN extra, ADD COLUMN name text;
ALTER TABLE sensors_eu ALTER COLUMN id SET NOT NULL;
ALTER TABLE sensors_eu ADD CONSTRAINT sensors_id_check CHECK (id > 0);
ALTER TABLE sensors ATTACH PARTITION sensors_eu FOR VALUES IN ('eu');
-- A table made with LIKE: its columns are not followed.
CREATE TABLE sensors_ap (LIKE sensors INCLUDING ALL);
ALTER TABLE sensors ATTACH PARTITION sensors_ap FOR VALUES IN ('ap');
