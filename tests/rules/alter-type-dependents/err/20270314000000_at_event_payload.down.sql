DROP VIEW IF EXISTS at_event_kinds;
ALTER TABLE at_events ALTER COLUMN payload TYPE text;
CREATE VIEW at_event_kinds AS SELECT id, kind FROM at_events;
