-- sqlgate:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS hosts_hostname_idx ON hosts (hostname);
