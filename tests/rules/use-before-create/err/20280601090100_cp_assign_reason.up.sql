-- a parameter with a DEFAULT: CREATE OR REPLACE with another argument list makes a second
-- procedure beside the first, and a two-argument CALL matches both
CREATE OR REPLACE PROCEDURE cp_assign_ticket(p_ticket_id bigint, p_agent_id bigint, p_reason text DEFAULT NULL)
LANGUAGE sql AS $$ UPDATE cp_tickets SET assignee_id = p_agent_id WHERE id = p_ticket_id $$;

CALL cp_assign_ticket(0, 0);
