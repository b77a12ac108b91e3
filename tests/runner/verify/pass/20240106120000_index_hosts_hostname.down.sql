-- sqlgate:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS hosts_hostname_idx;
