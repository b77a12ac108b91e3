ALTER TABLE report_rows ADD COLUMN IF NOT EXISTS note text;
DROP MATERIALIZED VIEW IF EXISTS report_totals;
DROP VIEW IF EXISTS report_regions;
CREATE VIEW report_regions AS SELECT id, region, amount FROM report_rows;
CREATE MATERIALIZED VIEW IF NOT EXISTS report_totals AS
  SELECT region, sum(amount) AS total FROM report_regions GROUP BY region;
CREATE OR REPLACE VIEW report_notes AS SELECT id, note FROM report_rows;
