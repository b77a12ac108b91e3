CREATE TABLE IF NOT EXISTS handed_over (id serial PRIMARY KEY, legacy_id integer);
