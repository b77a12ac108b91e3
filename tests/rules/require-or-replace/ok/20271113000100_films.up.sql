CREATE TABLE IF NOT EXISTS films (id bigint PRIMARY KEY, runtime_min int);
CREATE OR REPLACE VIEW films_v AS SELECT id, runtime_min FROM films;
CREATE OR REPLACE FUNCTION runtime_hours(films_v) RETURNS numeric
    LANGUAGE sql STABLE AS $$ SELECT $1.runtime_min / 60.0 $$;
