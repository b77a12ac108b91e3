CREATE TYPE desk_channel AS ENUM ('email', 'phone', 'fax');
CREATE TABLE IF NOT EXISTS desk_tickets (
  id bigint PRIMARY KEY,
  priority integer NOT NULL DEFAULT 3,
  channel desk_channel NOT NULL DEFAULT 'email',
  legacy text DEFAULT 'x'
);
