-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS ae_sessions_user_created_idx;
