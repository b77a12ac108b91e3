-- runtime_hours(films_v) depends on the view's row type: a second run drops it first.
DROP FUNCTION IF EXISTS runtime_hours(films_v);
DROP VIEW IF EXISTS films_v;
CREATE VIEW films_v AS SELECT id, runtime_min FROM films;
CREATE OR REPLACE FUNCTION runtime_hours(films_v) RETURNS numeric
    LANGUAGE sql STABLE AS $$ SELECT $1.runtime_min / 60.0 $$;
