CREATE TABLE IF NOT EXISTS note_rows (id bigint PRIMARY KEY, ticket_id bigint NOT NULL);
CREATE OR REPLACE FUNCTION note_total(ticket bigint) RETURNS bigint
LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM note_rows WHERE ticket_id = ticket;
END;
