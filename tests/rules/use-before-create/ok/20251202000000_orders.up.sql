CREATE TABLE IF NOT EXISTS orders (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id)
);
ALTER TABLE users ADD COLUMN IF NOT EXISTS last_order_at timestamptz;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'archive') THEN
    ALTER TABLE archive ADD COLUMN IF NOT EXISTS note text;
  END IF;
END
$$;
