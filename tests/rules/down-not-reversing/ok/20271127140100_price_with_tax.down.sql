DROP FUNCTION IF EXISTS price_with_tax(numeric, numeric);
