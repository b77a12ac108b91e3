-- The CHECK goes first: an enum needs none.
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_status_check;
ALTER TABLE tickets ALTER COLUMN status TYPE ticket_status USING status::ticket_status;
-- A plain index and IS NOT NULL parse again with the enum.
ALTER TABLE tickets ALTER COLUMN kind TYPE ticket_status USING kind::ticket_status;
-- A varchar column is compared as text: (title)::text = ANY (...) casts the enum to text.
ALTER TABLE tickets ALTER COLUMN title TYPE ticket_status USING title::ticket_status;
-- Numbers stay numbers, strings stay strings.
ALTER TABLE tickets ALTER COLUMN score TYPE bigint;
ALTER TABLE tickets ALTER COLUMN code TYPE varchar(20);
-- The index goes first and comes back for the new type; a constraint dropped by the same
-- statement goes before the type changes.
DROP INDEX IF EXISTS tickets_urgent_idx;
ALTER TABLE tickets ALTER COLUMN is_urgent TYPE smallint USING is_urgent::integer;
CREATE INDEX IF NOT EXISTS tickets_urgent_idx ON tickets (id) WHERE is_urgent > 0;
ALTER TABLE tickets ALTER COLUMN code TYPE integer USING 1, DROP CONSTRAINT tickets_code_filled;
