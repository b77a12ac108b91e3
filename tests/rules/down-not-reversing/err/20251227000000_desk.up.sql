CREATE TABLE IF NOT EXISTS desk_tickets (
  id bigint PRIMARY KEY,
  channel text NOT NULL DEFAULT 'email',
  priority integer NOT NULL DEFAULT 3
);
