-- The priority becomes text; its default follows.
ALTER TABLE desk_tickets ALTER COLUMN priority DROP DEFAULT;
ALTER TABLE desk_tickets ALTER COLUMN priority TYPE text USING priority::text;
ALTER TABLE desk_tickets ALTER COLUMN priority SET DEFAULT '3';
-- The default is dropped around the type change and set again as it was.
ALTER TABLE desk_tickets ALTER COLUMN channel DROP DEFAULT;
ALTER TABLE desk_tickets ALTER COLUMN channel TYPE text USING channel::text;
ALTER TABLE desk_tickets ALTER COLUMN channel TYPE desk_channel USING channel::desk_channel;
ALTER TABLE desk_tickets ALTER COLUMN channel SET DEFAULT 'email';
-- Dropped: what the up did to it before is the column's, which the down adds back.
ALTER TABLE desk_tickets ALTER COLUMN legacy DROP DEFAULT;
ALTER TABLE desk_tickets DROP COLUMN IF EXISTS legacy;
