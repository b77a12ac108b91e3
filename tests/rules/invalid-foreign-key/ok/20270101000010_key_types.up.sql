CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE keyed (
  id integer PRIMARY KEY,
  big bigint UNIQUE,
  amount numeric(10, 2) UNIQUE,
  name text UNIQUE,
  label varchar(20) UNIQUE,
  day date UNIQUE,
  at timestamp UNIQUE,
  atz timestamptz UNIQUE,
  tags bigint[] UNIQUE,
  weight float8 UNIQUE
);
-- Integers of every width against each other, and into numeric and float keys.
CREATE TABLE ref_small (a smallint REFERENCES keyed (id), b smallint REFERENCES keyed (big));
CREATE TABLE ref_big (a bigint REFERENCES keyed (id), b integer REFERENCES keyed (big));
CREATE TABLE ref_amount (a integer REFERENCES keyed (amount), b bigint REFERENCES keyed (weight));
-- The string types, citext included, into text and varchar keys.
CREATE TABLE ref_strings (
  a varchar(5) REFERENCES keyed (name),
  b char(3) REFERENCES keyed (name),
  c citext REFERENCES keyed (name),
  d text REFERENCES keyed (label),
  e citext REFERENCES keyed (label)
);
-- date and the two timestamps, each way.
CREATE TABLE ref_times (
  a timestamp REFERENCES keyed (day),
  b date REFERENCES keyed (at),
  c timestamptz REFERENCES keyed (at),
  d timestamp REFERENCES keyed (atz),
  e date REFERENCES keyed (atz)
);
-- An array of the key's own element type.
CREATE TABLE ref_tags (a bigint[] REFERENCES keyed (tags), b bigserial REFERENCES keyed (id));
