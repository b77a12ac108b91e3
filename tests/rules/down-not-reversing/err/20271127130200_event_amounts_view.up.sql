CREATE OR REPLACE VIEW event_amounts AS
SELECT id, amount FROM events WHERE amount IS NOT NULL;
