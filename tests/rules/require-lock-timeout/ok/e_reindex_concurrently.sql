-- REINDEX CONCURRENTLY takes no lock that blocks writes.
REINDEX (CONCURRENTLY) TABLE orders;
REINDEX (CONCURRENTLY true) TABLE orders;
