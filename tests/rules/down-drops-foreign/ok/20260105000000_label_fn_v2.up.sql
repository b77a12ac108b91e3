-- a new definition of an earlier migration's function: a down that drops it loses the earlier
-- one, which down-not-reversing reports
CREATE OR REPLACE FUNCTION ticket_label(id bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'TICKET-' || id $$;
