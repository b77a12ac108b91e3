-- sqlgate:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_payload_idx ON events USING gin (payload);
