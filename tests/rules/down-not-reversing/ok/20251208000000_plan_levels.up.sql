CREATE TABLE IF NOT EXISTS plan_levels (code text PRIMARY KEY, level tier NOT NULL);
