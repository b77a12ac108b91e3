-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS campaigns_active_idx;
