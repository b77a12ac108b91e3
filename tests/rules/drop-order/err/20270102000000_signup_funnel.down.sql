-- Each names the relation as another kind: PostgreSQL refuses, IF EXISTS or not.
DROP VIEW IF EXISTS signup_funnel;
DROP TABLE IF EXISTS signup_steps;
DROP MATERIALIZED VIEW IF EXISTS signup_days;
DROP INDEX IF EXISTS signups;
DROP INDEX IF EXISTS signups_step_idx;
