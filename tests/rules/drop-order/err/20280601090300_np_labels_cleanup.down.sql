CREATE OR REPLACE FUNCTION np_label(p smallint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'p' || p $$;
