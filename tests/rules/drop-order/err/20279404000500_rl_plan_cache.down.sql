DROP TABLE IF EXISTS rl_plan_cache;
DROP RULE IF EXISTS rl_plans_flush_cache ON rl_plans;
