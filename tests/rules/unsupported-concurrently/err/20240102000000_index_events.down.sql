-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS events_payload_idx;
