CREATE TABLE IF NOT EXISTS orders (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id)
);
ALTER TABLE users ADD COLUMN IF NOT EXISTS last_order_at timestamptz;
