CREATE TABLE IF NOT EXISTS cp_tickets (id bigint PRIMARY KEY, assignee_id bigint, priority smallint NOT NULL DEFAULT 3);
CREATE OR REPLACE PROCEDURE cp_assign_ticket(p_ticket_id bigint, p_agent_id bigint)
LANGUAGE sql AS $$ UPDATE cp_tickets SET assignee_id = p_agent_id WHERE id = p_ticket_id $$;
CREATE OR REPLACE PROCEDURE cp_escalate_ticket(IN p_ticket_id bigint, OUT new_priority smallint)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cp_tickets SET priority = greatest(priority - 1, 1) WHERE id = p_ticket_id
    RETURNING priority INTO new_priority;
END;
$$;
