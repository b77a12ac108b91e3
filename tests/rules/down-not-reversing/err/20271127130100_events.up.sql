CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, payload jsonb NOT NULL, amount bigint);
