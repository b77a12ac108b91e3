CREATE TYPE event_kind AS ENUM ('created', 'deleted');
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, kind event_kind NOT NULL, note text);
