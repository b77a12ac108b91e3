DROP TRIGGER IF EXISTS plans_audit ON price_plans;
DROP FUNCTION IF EXISTS plans_audit();
