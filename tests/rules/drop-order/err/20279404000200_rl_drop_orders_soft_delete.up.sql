-- orders are archived now, not soft-deleted
ALTER TABLE rl_orders DROP COLUMN IF EXISTS deleted_at;
