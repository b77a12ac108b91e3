CREATE TABLE IF NOT EXISTS tickets (id bigint PRIMARY KEY, opened timestamptz NOT NULL);
CREATE OR REPLACE FUNCTION age_days(since timestamptz) RETURNS integer
  LANGUAGE sql STABLE AS 'SELECT (now()::date - since::date)';
CREATE OR REPLACE VIEW ticket_ages AS SELECT id, age_days(opened) AS days FROM tickets;
