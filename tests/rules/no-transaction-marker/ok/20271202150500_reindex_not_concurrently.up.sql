-- CONCURRENTLY false: a plain REINDEX, which runs in a transaction (PostgreSQL 15: REINDEX).
REINDEX (CONCURRENTLY false) TABLE jobs;
