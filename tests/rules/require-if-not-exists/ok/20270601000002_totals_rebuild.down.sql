DROP MATERIALIZED VIEW IF EXISTS top_region_totals;
DROP MATERIALIZED VIEW IF EXISTS region_totals;
CREATE MATERIALIZED VIEW region_totals AS SELECT 1 AS region, 2 AS total;
CREATE MATERIALIZED VIEW top_region_totals AS SELECT region FROM region_totals;
