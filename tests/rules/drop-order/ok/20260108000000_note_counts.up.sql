CREATE TABLE IF NOT EXISTS memo_rows (id bigint PRIMARY KEY, ticket_id bigint NOT NULL);
CREATE OR REPLACE FUNCTION memo_total(ticket bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT count(*) FROM memo_rows WHERE ticket_id = ticket $$;
