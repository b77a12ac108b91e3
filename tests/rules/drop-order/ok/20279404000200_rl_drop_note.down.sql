ALTER TABLE rl_customers ADD COLUMN IF NOT EXISTS note text;
