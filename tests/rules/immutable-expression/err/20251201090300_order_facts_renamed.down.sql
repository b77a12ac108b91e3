DROP INDEX IF EXISTS reporting.order_facts_placed_day_idx;
ALTER MATERIALIZED VIEW reporting.order_facts RENAME COLUMN placed_at TO shipped_at;
ALTER MATERIALIZED VIEW reporting.order_facts RENAME COLUMN placed TO placed_at;
