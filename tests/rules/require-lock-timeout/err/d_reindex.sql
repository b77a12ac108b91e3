-- CONCURRENTLY false is a plain REINDEX: it waits for a SHARE lock on orders.
REINDEX (CONCURRENTLY false) TABLE orders;
