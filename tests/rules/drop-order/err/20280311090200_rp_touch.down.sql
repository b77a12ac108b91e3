DROP TABLE IF EXISTS rp_accounts;
DROP FUNCTION IF EXISTS rp_accounts_touch();
