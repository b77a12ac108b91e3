CREATE TABLE IF NOT EXISTS esc_tickets (id bigint PRIMARY KEY, priority smallint NOT NULL DEFAULT 3);

CREATE OR REPLACE PROCEDURE esc_escalate(IN p_ticket_id bigint, OUT new_priority smallint)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE esc_tickets SET priority = greatest(priority - 1, 1) WHERE id = p_ticket_id
    RETURNING priority INTO new_priority;
END;
$$;

CREATE OR REPLACE FUNCTION esc_priority(IN p_ticket_id bigint, OUT priority smallint)
LANGUAGE sql STABLE AS $$ SELECT priority FROM esc_tickets WHERE id = p_ticket_id $$;
