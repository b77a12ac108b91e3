-- A materialized view made WITH NO DATA, then refreshed CONCURRENTLY: PostgreSQL refuses
-- CONCURRENTLY on a view that is not populated yet, so the up fails on its first run.
CREATE MATERIALIZED VIEW IF NOT EXISTS project_totals AS
    SELECT owner_id, count(*) AS projects FROM projects GROUP BY owner_id
WITH NO DATA;
CREATE UNIQUE INDEX IF NOT EXISTS project_totals_owner_idx ON project_totals (owner_id);
REFRESH MATERIALIZED VIEW CONCURRENTLY project_totals;
