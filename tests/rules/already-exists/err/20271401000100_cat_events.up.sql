CREATE TABLE IF NOT EXISTS cat_events (id bigint PRIMARY KEY, kind text NOT NULL);
