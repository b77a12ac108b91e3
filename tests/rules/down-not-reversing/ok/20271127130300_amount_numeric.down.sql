-- The view is in the way of the type change: dropped, then made again as it was.
DROP VIEW IF EXISTS event_amounts;
ALTER TABLE events ALTER COLUMN amount TYPE bigint;
CREATE OR REPLACE VIEW event_amounts AS
SELECT id, amount FROM events WHERE amount IS NOT NULL;
