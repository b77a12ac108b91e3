ALTER TABLE desk_tickets ADD COLUMN IF NOT EXISTS legacy text DEFAULT 'x';
ALTER TABLE desk_tickets ALTER COLUMN priority DROP DEFAULT;
ALTER TABLE desk_tickets ALTER COLUMN priority TYPE integer USING priority::integer;
ALTER TABLE desk_tickets ALTER COLUMN priority SET DEFAULT 3;
