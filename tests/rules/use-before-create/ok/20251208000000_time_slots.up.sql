-- Support functions created first, ones pg_catalog has (array_append: a later migration's
-- array_append(slot[], slot) does not matter, PostgreSQL finds pg_catalog's first), and one
-- created later behind a handler that catches undefined_function.
CREATE TYPE slot AS (starts time, ends time);
CREATE FUNCTION time_mi(a time, b time) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT extract(epoch FROM (a - b)) $$;
CREATE TYPE timerange AS RANGE (subtype = time, subtype_diff = time_mi);
CREATE AGGREGATE slot_list(slot) (SFUNC = array_append, STYPE = slot[], INITCOND = '{}');
DO $$ BEGIN
  CREATE AGGREGATE slot_span(slot) (SFUNC = slot_widen, STYPE = slot);
EXCEPTION WHEN undefined_function THEN NULL; END $$;
CREATE FUNCTION slot_widen(s slot, v slot) RETURNS slot
  LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(least((s).starts, (v).starts), greatest((s).ends, (v).ends))::slot $$;
