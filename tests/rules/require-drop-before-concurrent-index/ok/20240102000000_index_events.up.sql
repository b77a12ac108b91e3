-- sqlgate:no-transaction
-- events is partitioned: PostgreSQL refuses the statement outright (unsupported-concurrently),
-- so there is no invalid leftover to drop first.
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_payload_idx ON events USING gin (payload);
