-- the trigger, the unique constraint and its index go with their table
DROP VIEW IF EXISTS live_features;
DROP TABLE IF EXISTS features;
DROP FUNCTION IF EXISTS touch();
DROP TYPE IF EXISTS campaign_state;
DROP INDEX IF EXISTS users_email_idx;
