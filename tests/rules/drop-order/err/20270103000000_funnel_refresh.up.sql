-- signup_funnel is a materialized view: the first run fails.
DROP VIEW IF EXISTS signup_funnel;
CREATE MATERIALIZED VIEW IF NOT EXISTS signup_funnel AS SELECT step, count(*) AS n FROM signups GROUP BY step;
