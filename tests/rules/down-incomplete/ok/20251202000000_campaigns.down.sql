DROP TABLE IF EXISTS campaign_targets;
DROP TABLE IF EXISTS campaigns;
