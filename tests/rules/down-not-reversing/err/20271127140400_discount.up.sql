CREATE OR REPLACE FUNCTION discount(amount numeric, pct numeric DEFAULT 5)
RETURNS numeric LANGUAGE sql IMMUTABLE
AS $$ SELECT amount * (100 - pct) / 100 $$;
