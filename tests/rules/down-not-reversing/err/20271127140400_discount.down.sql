DROP FUNCTION IF EXISTS discount(numeric, numeric);
