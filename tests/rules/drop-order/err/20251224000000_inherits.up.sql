CREATE TABLE IF NOT EXISTS events_base (id bigint, at timestamptz);
CREATE TABLE IF NOT EXISTS audit_events (actor text) INHERITS (events_base);
