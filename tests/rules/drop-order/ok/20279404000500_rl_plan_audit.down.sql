-- the rule goes with rl_plans before the table it writes is dropped
DROP TABLE IF EXISTS rl_plans;
DROP TABLE IF EXISTS rl_audit.plan_changes;
DROP SCHEMA IF EXISTS rl_audit;
