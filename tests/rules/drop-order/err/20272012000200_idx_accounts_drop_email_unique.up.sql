-- sqlgate:no-transaction
-- the index of constraint idx_accounts_email_key
DROP INDEX CONCURRENTLY IF EXISTS idx_accounts_email_key;
