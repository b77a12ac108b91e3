DROP PROCEDURE IF EXISTS co_assign_ticket(bigint, bigint);
CREATE OR REPLACE PROCEDURE co_assign_ticket(p_ticket_id bigint, p_agent_id bigint)
LANGUAGE sql AS $$ UPDATE co_tickets SET assignee_id = p_agent_id WHERE id = p_ticket_id $$;
