CREATE TABLE IF NOT EXISTS signups (id bigint PRIMARY KEY, step text NOT NULL, at timestamptz);
CREATE INDEX IF NOT EXISTS signups_step_idx ON signups (step);
CREATE OR REPLACE VIEW signup_steps AS SELECT DISTINCT step FROM signups;
CREATE MATERIALIZED VIEW IF NOT EXISTS signup_funnel AS SELECT step, count(*) AS n FROM signups GROUP BY step;
CREATE OR REPLACE VIEW signup_days AS SELECT at::date AS day FROM signups;
