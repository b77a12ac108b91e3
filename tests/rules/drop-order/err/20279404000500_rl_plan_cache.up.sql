CREATE TABLE IF NOT EXISTS rl_plan_cache (payload jsonb);
CREATE OR REPLACE RULE rl_plans_flush_cache AS ON DELETE TO rl_plans DO ALSO DELETE FROM rl_plan_cache;
