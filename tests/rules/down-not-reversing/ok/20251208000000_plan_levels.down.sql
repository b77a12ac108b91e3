DROP TABLE IF EXISTS plan_levels;
