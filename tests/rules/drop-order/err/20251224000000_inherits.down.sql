DROP TABLE IF EXISTS events_base;
DROP TABLE IF EXISTS audit_events;
