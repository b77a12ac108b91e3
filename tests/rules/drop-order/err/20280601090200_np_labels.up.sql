CREATE OR REPLACE FUNCTION np_label(p smallint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'p' || p $$;
CREATE OR REPLACE FUNCTION np_label(p text) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$ SELECT length(p)::smallint $$;
