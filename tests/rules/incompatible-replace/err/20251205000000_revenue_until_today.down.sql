-- The default cannot be taken away by a replace ("cannot remove parameter defaults").
CREATE OR REPLACE FUNCTION revenue(since date, until date) RETURNS numeric
  LANGUAGE sql STABLE AS 'SELECT 0::numeric';
