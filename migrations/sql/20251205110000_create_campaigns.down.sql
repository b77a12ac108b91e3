SET lock_timeout = '5s';
DROP INDEX IF EXISTS campaign_targets_host_id_idx;
DROP TABLE IF EXISTS campaign_targets;
DROP TABLE IF EXISTS campaigns;
DROP TYPE IF EXISTS campaign_status;
