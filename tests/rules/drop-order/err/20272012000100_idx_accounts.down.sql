DROP TABLE IF EXISTS idx_accounts;
