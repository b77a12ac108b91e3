CREATE TABLE sensors (
  id int NOT NULL,
  region text NOT NULL,
  name text,
  CONSTRAINT sensors_id_check CHECK (id > 0)
) PARTITION BY LIST (region);
CREATE TABLE sensors_us (region text NOT NULL, id int NOT NULL, name varchar(100), CONSTRAINT sensors_id_check CHECK (id > 0));
CREATE TABLE sensors_ap (region text NOT NULL, id int NOT NULL, CONSTRAINT sensors_id_check CHECK (id > 0));
CREATE TABLE sensors_eu (region text NOT NULL, id int NOT NULL, name text, extra int, CONSTRAINT sensors_id_check CHECK (id > 0));
CREATE TABLE sensors_sa (region text NOT NULL, id int, name text, CONSTRAINT sensors_id_check CHECK (id > 0));
CREATE TABLE sensors_af (region text NOT NULL, id int NOT NULL, name text);
-- name is varchar(100) in the partition
ALTER TABLE sensors ATTACH PARTITION sensors_us FOR VALUES IN ('us');
-- the partition lacks name
ALTER TABLE sensors ATTACH PARTITION sensors_ap FOR VALUES IN ('ap');
-- the partition has a column the parent has not
ALTER TABLE sensors ATTACH PARTITION sensors_eu FOR VALUES IN ('eu');
-- id is nullable in the partition
ALTER TABLE sensors ATTACH PARTITION sensors_sa FOR VALUES IN ('sa');
-- the partition lacks the CHECK constraint
ALTER TABLE sensors ATTACH PARTITION sensors_af FOR VALUES IN ('af');
