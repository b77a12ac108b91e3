CREATE TYPE ticket_state AS ENUM ('open', 'closed');
CREATE TYPE ticket_kind AS ENUM ('bug');
CREATE TYPE ticket_source AS ENUM ('web');
CREATE TABLE ticket (
  id bigint PRIMARY KEY,
  state ticket_state NOT NULL DEFAULT 'open',
  kind ticket_kind,
  source ticket_source,
  states ticket_state[]
);
