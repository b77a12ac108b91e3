CREATE OR REPLACE FUNCTION ticket_label(id bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'T-' || id $$;
