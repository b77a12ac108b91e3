ALTER TABLE rl_orders ADD COLUMN IF NOT EXISTS deleted_at timestamptz;
