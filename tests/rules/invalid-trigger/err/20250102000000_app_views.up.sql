CREATE SCHEMA IF NOT EXISTS app;
SET search_path = app;
CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, kind text);
CREATE OR REPLACE VIEW recent_events AS SELECT * FROM events;
