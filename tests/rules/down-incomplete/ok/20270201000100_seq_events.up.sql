CREATE TABLE IF NOT EXISTS seq_events (id bigint NOT NULL, kind text);
