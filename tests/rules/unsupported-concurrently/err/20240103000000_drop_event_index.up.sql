-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS events_id_idx;
