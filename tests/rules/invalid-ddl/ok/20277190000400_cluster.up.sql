CREATE TABLE IF NOT EXISTS cl_events (id bigint PRIMARY KEY, at date);
CREATE INDEX IF NOT EXISTS cl_events_at ON cl_events (at);
CLUSTER cl_events USING cl_events_at;
CLUSTER cl_events;
CREATE MATERIALIZED VIEW IF NOT EXISTS cl_totals AS SELECT 1 AS x;
CREATE UNIQUE INDEX IF NOT EXISTS cl_totals_x ON cl_totals (x);
ALTER MATERIALIZED VIEW cl_totals CLUSTER ON cl_totals_x;
CLUSTER cl_totals;
