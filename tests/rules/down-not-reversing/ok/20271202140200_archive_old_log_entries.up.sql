-- Rows moved by a data-modifying WITH; the down moves them back the same way: its DELETE in
-- the WITH takes out the rows the up inserts.
WITH moved AS (
  DELETE FROM log_entries WHERE created_at < timestamptz '2025-06-01 00:00+00' RETURNING *
)
INSERT INTO log_entries_archive SELECT * FROM moved;
