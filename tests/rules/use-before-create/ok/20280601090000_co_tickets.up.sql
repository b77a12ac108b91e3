CREATE TABLE IF NOT EXISTS co_tickets (id bigint PRIMARY KEY, assignee_id bigint, priority smallint NOT NULL DEFAULT 3);
CREATE OR REPLACE PROCEDURE co_escalate_ticket(IN p_ticket_id bigint, OUT new_priority smallint)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE co_tickets SET priority = greatest(priority - 1, 1) WHERE id = p_ticket_id
    RETURNING priority INTO new_priority;
END;
$$;
CREATE OR REPLACE PROCEDURE co_assign_ticket(p_ticket_id bigint, p_agent_id bigint)
LANGUAGE sql AS $$ UPDATE co_tickets SET assignee_id = p_agent_id WHERE id = p_ticket_id $$;
CREATE OR REPLACE PROCEDURE co_assign_ticket(p_ticket_id bigint, p_agent_email text)
LANGUAGE sql AS $$ UPDATE co_tickets SET assignee_id = 0 WHERE id = p_ticket_id $$;
