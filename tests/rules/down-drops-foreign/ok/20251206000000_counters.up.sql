CREATE TABLE IF NOT EXISTS counters (id serial PRIMARY KEY, n int);
