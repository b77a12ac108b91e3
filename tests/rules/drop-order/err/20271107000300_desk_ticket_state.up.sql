CREATE TYPE desk_ticket_state AS ENUM ('open', 'closed');
ALTER TABLE desk_tickets ALTER COLUMN state DROP DEFAULT;
ALTER TABLE desk_tickets ALTER COLUMN state TYPE desk_ticket_state USING state::desk_ticket_state;
ALTER TABLE desk_tickets ALTER COLUMN state SET DEFAULT 'open';
