CREATE OR REPLACE FUNCTION age_days(since timestamptz) RETURNS integer
  LANGUAGE sql STABLE AS 'SELECT count(*)::integer FROM generate_series(since::date, now()::date - 1, interval ''1 day'') d WHERE extract(isodow FROM d) < 6';
