-- Support functions created after the range type, aggregate, cast and operator that name them
-- (PostgreSQL looks each up at once: "function time_mi(time without time zone, time without
-- time zone) does not exist"). The DO block's handler catches duplicate_object, not the
-- undefined_function the missing function raises.
DO $$ BEGIN
  CREATE TYPE timerange AS RANGE (subtype = time, subtype_diff = time_mi);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TYPE slot AS (starts time, ends time);
CREATE AGGREGATE slot_span(slot) (SFUNC = slot_widen, STYPE = slot);
CREATE CAST (slot AS text) WITH FUNCTION slot_text(slot);
CREATE OPERATOR <-> (LEFTARG = slot, RIGHTARG = slot, FUNCTION = slot_gap);
CREATE FUNCTION time_mi(a time, b time) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT extract(epoch FROM (a - b)) $$;
CREATE FUNCTION slot_widen(s slot, v slot) RETURNS slot
  LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(least((s).starts, (v).starts), greatest((s).ends, (v).ends))::slot $$;
CREATE FUNCTION slot_text(s slot) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT (s).starts || '-' || (s).ends $$;
CREATE FUNCTION slot_gap(a slot, b slot) RETURNS interval
  LANGUAGE sql IMMUTABLE AS $$ SELECT (b).starts - (a).ends $$;
