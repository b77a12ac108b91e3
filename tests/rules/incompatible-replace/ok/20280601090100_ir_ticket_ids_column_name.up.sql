-- a one-column RETURNS TABLE is RETURNS SETOF of that column's type: PostgreSQL keeps proretset
-- and prorettype (bigint) and only records the column's name
CREATE OR REPLACE FUNCTION ir_ticket_ids(p_min smallint) RETURNS TABLE (ticket_id bigint)
LANGUAGE sql STABLE AS $$ SELECT id FROM ir_tickets WHERE priority >= p_min ORDER BY id $$;
