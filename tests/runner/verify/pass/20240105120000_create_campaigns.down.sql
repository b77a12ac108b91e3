DROP VIEW IF EXISTS running_campaigns;
DROP INDEX IF EXISTS campaigns_running_idx;
DROP TABLE IF EXISTS campaign_targets;
DROP TABLE IF EXISTS campaigns;
