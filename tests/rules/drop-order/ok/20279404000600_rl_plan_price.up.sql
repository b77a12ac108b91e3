-- a whole row (to_jsonb(OLD)) is no dependency on a column
ALTER TABLE rl_plans DROP COLUMN IF EXISTS price_cents;
