-- no rule reads note
ALTER TABLE rl_customers DROP COLUMN IF EXISTS note;
