-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS sessions_active_token_key, sessions_token_idx;
DROP INDEX CONCURRENTLY IF EXISTS sessions_user_idx CASCADE;
