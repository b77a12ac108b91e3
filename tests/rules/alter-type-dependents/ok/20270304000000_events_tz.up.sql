-- The index goes first and comes back reading the column in a fixed time zone; a CHECK need
-- not be immutable.
DROP INDEX IF EXISTS events_opened_day_idx;
ALTER TABLE events ALTER COLUMN opened_at TYPE timestamptz USING opened_at AT TIME ZONE 'UTC';
CREATE INDEX IF NOT EXISTS events_opened_day_idx ON events (date(opened_at AT TIME ZONE 'UTC'));
-- A date compares with a timestamp in an immutable way; no index reads closed_at.
ALTER TABLE events ALTER COLUMN due_on TYPE date;
ALTER TABLE events ALTER COLUMN closed_at TYPE timestamptz USING closed_at AT TIME ZONE 'UTC';
-- A plain index and IS NOT NULL need no cast to text.
ALTER TABLE events ALTER COLUMN state TYPE ticket_status USING state::ticket_status;
