CREATE MATERIALIZED VIEW IF NOT EXISTS fixm_totals AS SELECT 1 AS x;
CREATE INDEX IF NOT EXISTS fixm_totals_x ON fixm_totals (x);
CREATE TABLE IF NOT EXISTS fixm_ledger (id bigint);
