CREATE TYPE ticket_status AS ENUM ('open', 'closed');
CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  kind text NOT NULL CHECK (kind IS NOT NULL),
  title varchar(200) NOT NULL CHECK (title IN ('open', 'closed')),
  is_urgent boolean NOT NULL,
  score integer NOT NULL CHECK (score > 0),
  code text NOT NULL CONSTRAINT tickets_code_filled CHECK (code <> '')
);
CREATE INDEX tickets_kind_idx ON tickets (kind);
CREATE INDEX tickets_urgent_idx ON tickets (id) WHERE is_urgent;
CREATE INDEX tickets_score_idx ON tickets (abs(score)) WHERE score > 0;
