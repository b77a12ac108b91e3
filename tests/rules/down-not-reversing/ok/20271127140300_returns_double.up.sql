DROP FUNCTION IF EXISTS price_with_tax(numeric, numeric);
CREATE FUNCTION price_with_tax(amount numeric, tax_rate numeric DEFAULT 0.2)
RETURNS double precision LANGUAGE sql IMMUTABLE
AS $$ SELECT round(amount * (1 + tax_rate), 2)::double precision $$;
