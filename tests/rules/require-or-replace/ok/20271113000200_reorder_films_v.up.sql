DROP FUNCTION IF EXISTS runtime_hours(films_v);
DROP VIEW IF EXISTS films_v;
CREATE VIEW films_v AS SELECT runtime_min, id FROM films;
