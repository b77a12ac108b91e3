DROP TABLE reports;
DROP VIEW report_counts;
DROP INDEX reports_campaign_id_idx;
