DROP FUNCTION IF EXISTS rp_account_count();
DROP TABLE IF EXISTS rp_legacy_accounts;
DROP TABLE IF EXISTS rp_accounts;
DROP FUNCTION IF EXISTS rp_accounts_touch();
