CREATE TYPE desk_item_state AS ENUM ('open', 'closed');
CREATE DOMAIN desk_points AS integer CHECK (VALUE >= 0);
CREATE TABLE IF NOT EXISTS desk_items (
  id bigint PRIMARY KEY,
  state desk_item_state NOT NULL DEFAULT 'open',
  points desk_points DEFAULT 0
);
