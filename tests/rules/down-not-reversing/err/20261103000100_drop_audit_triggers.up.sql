DROP TRIGGER IF EXISTS audit_events_stamp ON audit_events;
DROP TRIGGER IF EXISTS audit_events_level ON audit_events;
