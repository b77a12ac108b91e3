-- the rule turned off around the DELETE, which then deletes the rows
ALTER TABLE rl_plans DISABLE RULE rl_plans_soft_delete;
DELETE FROM rl_plans WHERE code IN ('free', 'pro');
ALTER TABLE rl_plans ENABLE RULE rl_plans_soft_delete;
-- a conditional rule: it takes only some of the rows
DELETE FROM rl_regions WHERE code = 'eu';
