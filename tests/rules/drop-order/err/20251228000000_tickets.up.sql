DO $$
BEGIN
  CREATE TYPE ticket_status AS ENUM ('open', 'closed');
EXCEPTION WHEN duplicate_object THEN NULL;
END
$$;
CREATE OR REPLACE FUNCTION next_status(current ticket_status) RETURNS ticket_status
  LANGUAGE sql IMMUTABLE AS $$ SELECT 'closed'::ticket_status $$;
CREATE TABLE IF NOT EXISTS tickets (id serial PRIMARY KEY, title text NOT NULL);
