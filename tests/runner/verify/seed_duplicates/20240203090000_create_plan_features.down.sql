DROP TABLE IF EXISTS plan_features;
