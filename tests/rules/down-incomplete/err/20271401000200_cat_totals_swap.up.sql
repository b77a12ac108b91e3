CREATE TABLE IF NOT EXISTS cat_totals_v2 (customer text, count bigint, refreshed_at timestamptz);
DROP TABLE IF EXISTS cat_totals;
ALTER TABLE IF EXISTS cat_totals_v2 RENAME TO cat_totals;
