-- An up that drops what an earlier migration's view still reads fails on its first run.
DROP VIEW IF EXISTS report_regions;
CREATE VIEW report_regions AS SELECT id, region, amount, note FROM report_rows;
ALTER TABLE report_rows DROP COLUMN IF EXISTS note;
