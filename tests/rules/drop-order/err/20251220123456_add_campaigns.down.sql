DROP TABLE IF EXISTS campaigns;
DROP TABLE IF EXISTS campaign_targets;
