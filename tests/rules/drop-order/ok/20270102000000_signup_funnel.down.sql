DROP VIEW IF EXISTS signup_days;
DROP MATERIALIZED VIEW IF EXISTS signup_funnel;
-- Gone already: IF EXISTS skips it.
DROP VIEW IF EXISTS signup_funnel;
DROP VIEW IF EXISTS signup_steps;
DROP INDEX IF EXISTS signups_step_idx;
DROP TABLE IF EXISTS signups;
