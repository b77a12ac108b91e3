-- The same objects dropped dependents first; support functions pg_catalog has (int4pl,
-- array_append), casts WITH INOUT, and a prefix operator.
CREATE TYPE coord AS (lat double precision, lon double precision);
CREATE FUNCTION coord_to_text(c coord) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT format('%s,%s', (c).lat, (c).lon) $$;
CREATE CAST (coord AS text) WITH FUNCTION coord_to_text(coord) AS ASSIGNMENT;
CREATE CAST (text AS coord) WITH INOUT;
CREATE FUNCTION coord_neg(c coord) RETURNS coord
  LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(-(c).lat, -(c).lon)::coord $$;
CREATE OPERATOR - (RIGHTARG = coord, FUNCTION = coord_neg);
CREATE FUNCTION coord_acc(s coord, c coord) RETURNS coord
  LANGUAGE sql IMMUTABLE AS $$ SELECT ROW((s).lat + (c).lat, (s).lon + (c).lon)::coord $$;
CREATE AGGREGATE coord_total(coord) (SFUNC = coord_acc, STYPE = coord);
CREATE AGGREGATE coord_list(coord) (SFUNC = array_append, STYPE = coord[], INITCOND = '{}');
CREATE AGGREGATE int_total(int) (SFUNC = int4pl, STYPE = int);
CREATE FUNCTION time_mi(a time, b time) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT extract(epoch FROM (a - b)) $$;
CREATE TYPE timerange AS RANGE (subtype = time, subtype_diff = time_mi);
