ALTER TABLE desk_tickets ALTER COLUMN state TYPE text USING state::text;
DROP TYPE IF EXISTS desk_ticket_state;
