-- sqlgate:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS bookings_during_idx ON bookings USING gist (during);
-- a plain index is rebuilt concurrently
REINDEX INDEX CONCURRENTLY bookings_during_idx;
-- REINDEX TABLE CONCURRENTLY skips the exclusion constraint's index with a WARNING
REINDEX TABLE CONCURRENTLY bookings;
REINDEX (CONCURRENTLY false) INDEX bookings_no_overlap;
