CREATE OR REPLACE FUNCTION revenue(since date, until date) RETURNS numeric
  LANGUAGE sql STABLE AS 'SELECT 0::numeric';
-- A default added by a replace is accepted.
CREATE OR REPLACE FUNCTION revenue(since date, until date DEFAULT current_date) RETURNS numeric
  LANGUAGE sql STABLE AS 'SELECT 0::numeric';
