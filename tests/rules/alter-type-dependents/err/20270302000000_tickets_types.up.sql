-- PostgreSQL parses each CHECK and index over the column again with the new type.
ALTER TABLE tickets ALTER COLUMN status TYPE ticket_status USING status::ticket_status;
ALTER TABLE tickets ALTER COLUMN kind TYPE ticket_status USING kind::ticket_status;
ALTER TABLE tickets ALTER COLUMN is_urgent TYPE smallint USING is_urgent::integer;
ALTER TABLE tickets ALTER COLUMN is_public TYPE text;
ALTER TABLE tickets ALTER COLUMN priority TYPE text;
ALTER TABLE tickets ALTER COLUMN code TYPE integer USING 1;
ALTER TABLE tickets ALTER COLUMN score TYPE boolean USING score > 0;
