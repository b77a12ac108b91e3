-- Dropped and set again, to another default: the down owes the old one.
ALTER TABLE desk_tickets ALTER COLUMN channel DROP DEFAULT;
ALTER TABLE desk_tickets ALTER COLUMN channel SET DEFAULT 'phone';
-- Changed to text and on to bigint: the down owes integer.
ALTER TABLE desk_tickets ALTER COLUMN priority TYPE text;
ALTER TABLE desk_tickets ALTER COLUMN priority TYPE bigint USING priority::bigint;
