ALTER TABLE plans RENAME COLUMN code TO plan_code;
ALTER TABLE plans RENAME TO price_plans;
