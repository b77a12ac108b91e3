CREATE TABLE IF NOT EXISTS ir_tickets (id bigint PRIMARY KEY, priority smallint NOT NULL DEFAULT 3);
CREATE OR REPLACE FUNCTION ir_ticket_ids(p_min smallint) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$ SELECT id FROM ir_tickets WHERE priority >= p_min $$;
