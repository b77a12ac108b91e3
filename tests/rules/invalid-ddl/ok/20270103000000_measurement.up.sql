CREATE TABLE measurement (
  id bigint,
  logdate date NOT NULL,
  unitsales integer,
  city varchar(40),
  CONSTRAINT measurement_unitsales_check CHECK (unitsales >= 0),
  CONSTRAINT measurement_only_check CHECK (id > 0) NO INHERIT
);
-- Every column of the parent, of the same type, NOT NULL where the parent's is, and its CHECK
-- constraint (not the NO INHERIT one); columns of its own, in any order.
CREATE TABLE measurement_2019 (
  city varchar(40),
  id bigint,
  logdate date NOT NULL,
  unitsales int,
  note text,
  CONSTRAINT measurement_unitsales_check CHECK (unitsales >= 0)
);
ALTER TABLE measurement_2019 INHERIT measurement;
-- The missing pieces added first.
CREATE TABLE measurement_2020 (id bigint, logdate date);
ALTER TABLE measurement_2020 ADD COLUMN unitsales integer, ADD COLUMN city varchar(40);
ALTER TABLE measurement_2020 ALTER COLUMN logdate SET NOT NULL;
ALTER TABLE measurement_2020 ADD CONSTRAINT measurement_unitsales_check CHECK (unitsales >= 0);
ALTER TABLE measurement_2020 INHERIT measurement;
-- A table made with LIKE: its columns are not followed.
CREATE TABLE measurement_2021 (LIKE measurement INCLUDING ALL);
ALTER TABLE measurement_2021 INHERIT measurement;
