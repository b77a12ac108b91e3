DROP VIEW IF EXISTS report_counts;
DROP INDEX IF EXISTS reports_campaign_id_idx;
DROP TABLE IF EXISTS reports;
