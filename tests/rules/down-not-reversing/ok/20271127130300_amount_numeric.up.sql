DROP VIEW IF EXISTS event_amounts;
ALTER TABLE events ALTER COLUMN amount TYPE numeric(14, 0);
CREATE OR REPLACE VIEW event_amounts AS
SELECT id, amount FROM events WHERE amount IS NOT NULL;
