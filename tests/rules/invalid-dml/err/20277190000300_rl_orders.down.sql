DROP TABLE IF EXISTS rl_sessions;
DROP TABLE IF EXISTS rl_plans;
DROP TABLE IF EXISTS rl_audit.plan_changes;
DROP SCHEMA IF EXISTS rl_audit;
DROP TABLE IF EXISTS rl_orders;
