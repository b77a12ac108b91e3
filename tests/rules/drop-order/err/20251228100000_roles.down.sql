-- Each role still holds what the up gave it when it is dropped.
DROP ROLE IF EXISTS campaign_reader;
DROP ROLE IF EXISTS campaign_viewer;
DROP TABLE IF EXISTS campaign_notes;
DROP ROLE IF EXISTS campaign_owner;
DROP ROLE IF EXISTS campaign_auditor;
