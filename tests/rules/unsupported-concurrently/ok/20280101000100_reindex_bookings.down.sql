-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS bookings_during_idx;
