-- sqlgate:no-transaction
-- One index per statement, without CASCADE.
DROP INDEX CONCURRENTLY IF EXISTS sessions_active_token_key;
DROP INDEX CONCURRENTLY IF EXISTS sessions_token_idx RESTRICT;
-- Without CONCURRENTLY both are allowed.
DROP INDEX IF EXISTS sessions_user_idx, sessions_day_idx CASCADE;
