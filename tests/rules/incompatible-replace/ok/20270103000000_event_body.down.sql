DROP VIEW IF EXISTS events_public;
CREATE OR REPLACE VIEW events_public AS SELECT id, day, kind AS event_kind FROM events WHERE kind <> 'internal';
DROP VIEW IF EXISTS events_daily;
CREATE OR REPLACE VIEW events_daily AS SELECT day, count(*) AS events FROM events GROUP BY day;
