ALTER TABLE at_events ALTER COLUMN payload TYPE varchar(4000);
CREATE OR REPLACE VIEW at_event_kinds AS SELECT id, kind, payload FROM at_events;
