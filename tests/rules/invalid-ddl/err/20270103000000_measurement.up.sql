CREATE TABLE measurement (
  id bigint,
  logdate date NOT NULL,
  unitsales integer,
  city varchar(40),
  CONSTRAINT measurement_unitsales_check CHECK (unitsales >= 0)
);
CREATE TABLE measurement_2019 (id bigint, logdate date NOT NULL);
CREATE TABLE measurement_2020 (id bigint, logdate date NOT NULL, unitsales bigint, city varchar(40));
CREATE TABLE measurement_2021 (id bigint, logdate date, unitsales integer, city varchar(40));
CREATE TABLE measurement_2022 (id bigint, logdate date NOT NULL, unitsales integer, city varchar(40));
-- the child lacks unitsales
ALTER TABLE measurement_2019 INHERIT measurement;
-- unitsales is bigint in the child
ALTER TABLE measurement_2020 INHERIT measurement;
-- logdate is nullable in the child
ALTER TABLE measurement_2021 INHERIT measurement;
-- the child lacks the CHECK constraint
ALTER TABLE measurement_2022 INHERIT measurement;
