-- TODO

SET lock_timeout = '5s';
DROP TABLE IF EXISTS campaign_targets;
DROP TABLE IF EXISTS campaigns;
