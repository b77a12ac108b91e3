-- the rule reads the whole row, no column of it; nor the log's logged_at
ALTER TABLE rl_orders ALTER COLUMN number TYPE text;
ALTER TABLE rl_order_log ALTER COLUMN logged_at TYPE timestamptz;
