-- Both materialized views rebuilt, the dependent dropped first: a second run does the same again.
DROP MATERIALIZED VIEW IF EXISTS top_region_totals;
DROP MATERIALIZED VIEW IF EXISTS region_totals;
CREATE MATERIALIZED VIEW region_totals AS SELECT 1 AS region, 2 AS total, 3 AS n;
CREATE MATERIALIZED VIEW top_region_totals AS SELECT region, n FROM region_totals;
