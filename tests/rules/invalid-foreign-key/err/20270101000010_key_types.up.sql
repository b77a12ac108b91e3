CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE keyed (
  id integer PRIMARY KEY,
  big bigint UNIQUE,
  handle citext UNIQUE,
  tags bigint[] UNIQUE,
  doc jsonb UNIQUE,
  code uuid UNIQUE
);
-- An integer key takes no numeric, a bigint key no double precision.
CREATE TABLE ref_numeric (x numeric REFERENCES keyed (id));
CREATE TABLE ref_float (x float8 REFERENCES keyed (big));
-- A citext key takes no text (text converts to citext by an assignment cast only).
CREATE TABLE ref_text (x text REFERENCES keyed (handle));
-- An array key takes only arrays of its own element type.
CREATE TABLE ref_array (x int[] REFERENCES keyed (tags));
CREATE TABLE ref_element (x bigint REFERENCES keyed (tags));
-- json is not jsonb, text is not uuid.
CREATE TABLE ref_json (x json REFERENCES keyed (doc));
CREATE TABLE ref_uuid (x text REFERENCES keyed (code));
