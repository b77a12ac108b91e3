DROP VIEW IF EXISTS events_daily;
DROP VIEW IF EXISTS events_public;
DROP TABLE IF EXISTS events;
