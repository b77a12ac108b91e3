CREATE OR REPLACE FUNCTION ir_ticket_ids(p_min smallint) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$ SELECT id FROM ir_tickets WHERE priority >= p_min $$;
