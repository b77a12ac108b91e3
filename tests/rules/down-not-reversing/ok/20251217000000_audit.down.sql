DROP TRIGGER IF EXISTS plans_audit ON plans;
DROP FUNCTION IF EXISTS plans_audit();
