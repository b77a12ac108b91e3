DROP VIEW IF EXISTS ticket_ages;
DROP FUNCTION IF EXISTS age_days(timestamptz);
DROP TABLE IF EXISTS tickets;
