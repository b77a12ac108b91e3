-- an argument for the OUT parameter: NULL in a CALL statement, a variable in PL/pgSQL
CALL co_escalate_ticket(0, NULL);
DO $$
DECLARE
    new_priority smallint;
BEGIN
    CALL co_escalate_ticket(0, new_priority);
END $$;
-- two procedures of that name with other types in the second place: the argument's type chooses
CALL co_assign_ticket(0, 'agent@example.com');
-- the same procedure defined again with a DEFAULT (the same argument types: replaced, not added)
CREATE OR REPLACE PROCEDURE co_assign_ticket(p_ticket_id bigint, p_agent_id bigint DEFAULT NULL)
LANGUAGE sql AS $$ UPDATE co_tickets SET assignee_id = p_agent_id WHERE id = p_ticket_id $$;
CALL co_assign_ticket(0::bigint);
