DROP INDEX IF EXISTS organizations_plan_idx;
