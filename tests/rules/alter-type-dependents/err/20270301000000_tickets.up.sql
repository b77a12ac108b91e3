CREATE TYPE ticket_status AS ENUM ('open', 'closed');
CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  kind text NOT NULL,
  is_urgent boolean NOT NULL,
  is_public boolean NOT NULL,
  priority integer NOT NULL,
  code text NOT NULL,
  title varchar(200) NOT NULL CHECK (title IN ('a', 'b')),
  score integer NOT NULL CHECK (score > 0)
);
ALTER TABLE tickets ADD CONSTRAINT tickets_code_filled CHECK (code::text <> '' AND code LIKE 'T%');
CREATE INDEX tickets_kind_lower_idx ON tickets (lower(kind));
CREATE INDEX tickets_urgent_idx ON tickets (id) WHERE is_urgent;
CREATE INDEX tickets_public_idx ON tickets (id) WHERE NOT is_public OR is_public IS TRUE;
CREATE INDEX tickets_priority_idx ON tickets (abs(priority)) WHERE priority BETWEEN 1 AND 5;
