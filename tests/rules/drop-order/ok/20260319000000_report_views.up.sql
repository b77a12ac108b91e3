CREATE TABLE IF NOT EXISTS report_rows (id bigint PRIMARY KEY, region text, amount numeric, note text);
CREATE OR REPLACE VIEW report_regions AS SELECT id, region, amount FROM report_rows;
CREATE MATERIALIZED VIEW IF NOT EXISTS report_totals AS
  SELECT region, sum(amount) AS total FROM report_regions GROUP BY region;
CREATE OR REPLACE VIEW report_notes AS SELECT id, note FROM report_rows;
