DROP FUNCTION IF EXISTS rl_plan_note(text);
DROP RULE IF EXISTS rl_plans_audit_insert ON rl_plans;
