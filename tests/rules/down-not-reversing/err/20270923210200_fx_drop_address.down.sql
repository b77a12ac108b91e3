-- The type comes back, its columns and the attribute do not.
DO $$
BEGIN
  IF to_regtype('fx_address') IS NULL THEN
    CREATE TYPE fx_address AS (line1 text, city text, zip text);
  END IF;
END
$$;
