-- sqlgate:no-transaction
-- A partition is a plain table; the parent's index made ON ONLY, then attached.
CREATE INDEX IF NOT EXISTS events_payload_idx ON ONLY events USING gin (payload);
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_2024_payload_idx ON events_2024 USING gin (payload);
ALTER INDEX events_payload_idx ATTACH PARTITION events_2024_payload_idx;
DROP INDEX CONCURRENTLY IF EXISTS orders_account_idx;
-- The DEFAULT partition is detached first.
ALTER TABLE logs DETACH PARTITION logs_default;
ALTER TABLE logs DETACH PARTITION logs_2024 CONCURRENTLY;
-- Populated by a plain refresh first; account_counts has a unique index on plain columns.
REFRESH MATERIALIZED VIEW account_totals;
REFRESH MATERIALIZED VIEW CONCURRENTLY account_totals;
REFRESH MATERIALIZED VIEW CONCURRENTLY account_counts;
-- Made outside the migrations: nothing is known of it.
REFRESH MATERIALIZED VIEW CONCURRENTLY external_totals;
