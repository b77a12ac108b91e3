-- The views' columns have their new names: the old ones are refused.
CREATE OR REPLACE VIEW events_public AS SELECT id, day, kind, body FROM events WHERE kind <> 'internal';
CREATE OR REPLACE VIEW events_daily AS SELECT day, count(*) AS n, max(id) AS last_id FROM events GROUP BY day;
