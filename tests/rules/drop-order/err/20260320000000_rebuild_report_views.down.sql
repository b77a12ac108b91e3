ALTER TABLE report_rows ADD COLUMN IF NOT EXISTS note text;
CREATE OR REPLACE VIEW report_regions AS SELECT id, region, amount FROM report_rows;
