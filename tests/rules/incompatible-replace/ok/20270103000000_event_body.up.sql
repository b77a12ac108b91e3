-- The columns under the names they have now, new ones at the end.
CREATE OR REPLACE VIEW events_public AS SELECT id, day, kind AS event_kind, body FROM events WHERE kind <> 'internal';
CREATE OR REPLACE VIEW events_daily AS SELECT day, count(*) AS events, max(id) AS last_id FROM events GROUP BY day;
