-- Casts, operators, aggregates and range types depend on the functions they name, and on their
-- types (verified on PostgreSQL 15: "cast from coord to text depends on function
-- coord_to_text(coord)", "operator +(coord,coord) depends on function coord_add(coord,coord)",
-- "function coord_centroid(coord) depends on function coord_done(coord)", "type timerange
-- depends on function time_mi(time without time zone,time without time zone)", "operator class
-- coord_hash_ops for access method hash depends on function coord_hash(coord)")
CREATE TYPE coord AS (lat double precision, lon double precision);
CREATE FUNCTION coord_to_text(c coord) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT format('%s,%s', (c).lat, (c).lon) $$;
CREATE CAST (coord AS text) WITH FUNCTION coord_to_text(coord) AS ASSIGNMENT;
CREATE FUNCTION coord_add(a coord, b coord) RETURNS coord
  LANGUAGE sql IMMUTABLE AS $$ SELECT ROW((a).lat + (b).lat, (a).lon + (b).lon)::coord $$;
CREATE OPERATOR + (LEFTARG = coord, RIGHTARG = coord, FUNCTION = coord_add);
CREATE FUNCTION coord_acc(s coord, c coord) RETURNS coord
  LANGUAGE sql IMMUTABLE AS $$ SELECT ROW((s).lat + (c).lat, (s).lon + (c).lon)::coord $$;
CREATE FUNCTION coord_done(s coord) RETURNS coord LANGUAGE sql IMMUTABLE AS $$ SELECT s $$;
CREATE AGGREGATE coord_centroid(coord) (SFUNC = coord_acc, STYPE = coord, FINALFUNC = coord_done);
CREATE FUNCTION time_mi(a time, b time) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT extract(epoch FROM (a - b)) $$;
CREATE TYPE timerange AS RANGE (subtype = time, subtype_diff = time_mi);
CREATE FUNCTION coord_hash(c coord) RETURNS integer
  LANGUAGE sql IMMUTABLE AS $$ SELECT hashfloat8((c).lat) $$;
CREATE OPERATOR CLASS coord_hash_ops FOR TYPE coord USING hash AS FUNCTION 1 coord_hash(coord);
