-- CASCADE takes the view of the earlier migration along, and nothing makes it again.
DROP FUNCTION IF EXISTS age_days(timestamptz) CASCADE;
CREATE OR REPLACE FUNCTION age_days(since timestamptz) RETURNS integer
  LANGUAGE sql STABLE AS 'SELECT (now()::date - since::date)';
