CREATE TABLE IF NOT EXISTS gift_orders (
  id bigint PRIMARY KEY,
  is_gift boolean NOT NULL DEFAULT 'f',
  units bigint NOT NULL DEFAULT 0
);
