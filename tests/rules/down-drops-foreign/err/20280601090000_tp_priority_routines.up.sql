CREATE TABLE IF NOT EXISTS tp_tickets (id bigint PRIMARY KEY, priority smallint NOT NULL DEFAULT 3);

CREATE OR REPLACE PROCEDURE tp_escalate(IN p_ticket_id bigint, OUT new_priority smallint)
LANGUAGE sql AS $$
    UPDATE tp_tickets SET priority = greatest(priority - 1, 1) WHERE id = p_ticket_id
    RETURNING priority
$$;

CREATE OR REPLACE FUNCTION tp_priority(IN p_ticket_id bigint, OUT priority smallint)
LANGUAGE sql STABLE AS $$ SELECT priority FROM tp_tickets WHERE id = p_ticket_id $$;
