-- An exclusion constraint's index has no concurrent rebuild ("concurrent index creation for
-- exclusion constraints is not supported"): REINDEX without CONCURRENTLY is the only way.
REINDEX INDEX bookings_no_overlap;
