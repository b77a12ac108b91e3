DROP VIEW IF EXISTS event_amounts;
