DROP VIEW IF EXISTS live_campaigns;
DROP TABLE IF EXISTS campaigns;
