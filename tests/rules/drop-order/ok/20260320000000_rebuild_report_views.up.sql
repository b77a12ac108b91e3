-- The dependents go first and come back after.
DROP MATERIALIZED VIEW IF EXISTS report_totals;
DROP VIEW IF EXISTS report_regions;
CREATE VIEW report_regions AS SELECT id, region, amount * 100 AS cents FROM report_rows;
CREATE MATERIALIZED VIEW IF NOT EXISTS report_totals AS
  SELECT region, sum(cents) AS total FROM report_regions GROUP BY region;
DROP VIEW IF EXISTS report_notes;
ALTER TABLE report_rows DROP COLUMN IF EXISTS note;
