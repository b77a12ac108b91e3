-- The view is in the way of the type change: dropped, then not made again.
DROP VIEW IF EXISTS event_amounts;
ALTER TABLE events ALTER COLUMN amount TYPE bigint;
