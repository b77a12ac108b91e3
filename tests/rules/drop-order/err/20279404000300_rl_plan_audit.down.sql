DROP TABLE IF EXISTS rl_audit.plan_changes;
DROP TABLE IF EXISTS rl_plans;
DROP SCHEMA IF EXISTS rl_audit;
