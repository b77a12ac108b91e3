-- sqlgate:no-transaction
REINDEX INDEX CONCURRENTLY bookings_no_overlap;
REINDEX (CONCURRENTLY, VERBOSE) INDEX public.bookings_no_overlap;
