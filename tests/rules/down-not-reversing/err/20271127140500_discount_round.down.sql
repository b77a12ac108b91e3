-- Written back with another default than it had before the up.
CREATE OR REPLACE FUNCTION discount(amount numeric, pct numeric DEFAULT 10)
RETURNS numeric LANGUAGE sql IMMUTABLE
AS $$ SELECT amount * (100 - pct) / 100 $$;
