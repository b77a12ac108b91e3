ALTER TABLE users DROP COLUMN IF EXISTS email_lower;
DROP TRIGGER IF EXISTS plans_audit ON price_plans;
DROP FUNCTION IF EXISTS plans_audit();
DROP DOMAIN IF EXISTS plan_code;
