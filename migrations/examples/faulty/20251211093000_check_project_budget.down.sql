SET lock_timeout = '5s';
ALTER TABLE projects DROP CONSTRAINT IF EXISTS projects_budget_not_negative;
