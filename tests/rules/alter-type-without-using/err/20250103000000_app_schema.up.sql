-- In a schema of its own, found through the search path the file sets.
CREATE SCHEMA IF NOT EXISTS app;
SET search_path = app;
DO $$
BEGIN
  CREATE TYPE ticket_state AS ENUM ('open', 'closed');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
CREATE TABLE IF NOT EXISTS tickets (id bigint PRIMARY KEY, state text);
