CREATE OR REPLACE FUNCTION price_with_tax(amount numeric, rate numeric DEFAULT 0.2)
RETURNS numeric LANGUAGE sql IMMUTABLE
AS $$ SELECT round(amount * (1 + rate), 2) $$;
