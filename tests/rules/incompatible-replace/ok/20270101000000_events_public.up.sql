CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY, day date NOT NULL, kind text NOT NULL, body text);
CREATE OR REPLACE VIEW events_public AS SELECT id, day, kind FROM events WHERE kind <> 'internal';
CREATE OR REPLACE VIEW events_daily AS SELECT day, count(*) AS n FROM events GROUP BY day;
