-- The table gets its name back first, but the column a wrong one.
ALTER TABLE price_plans RENAME TO plans;
ALTER TABLE plans RENAME COLUMN plan_code TO plan;
