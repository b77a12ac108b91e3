CREATE OR REPLACE FUNCTION array_append(a slot[], s slot) RETURNS slot[]
  LANGUAGE sql IMMUTABLE AS $$ SELECT a || s $$;
