DROP FUNCTION IF EXISTS revenue(date, date);
