CREATE TABLE IF NOT EXISTS to_orders (id bigint PRIMARY KEY, region text, note text);
-- A misspelt or unknown table parameter.
ALTER TABLE to_orders SET (autovacuum_vacuum_scale = 0.01, fillfactor = 90);
ALTER TABLE to_orders SET (oids = false);
-- Out of bounds, or not a value of the parameter's type.
ALTER TABLE to_orders SET (autovacuum_vacuum_cost_limit = 0);
ALTER TABLE to_orders SET (autovacuum_freeze_max_age = 99999);
ALTER TABLE to_orders SET (autovacuum_vacuum_scale_factor = 101);
ALTER TABLE to_orders SET (autovacuum_enabled = maybe);
ALTER TABLE to_orders SET (vacuum_index_cleanup = sometimes);
ALTER TABLE to_orders SET (parallel_workers = 2.5e10);
ALTER TABLE to_orders SET (log_autovacuum_min_duration = -2);
ALTER TABLE to_orders SET (fillfactor = 80, fillfactor = 90);
CREATE TABLE IF NOT EXISTS to_events (id bigint) WITH (toast_tuple_target = 100);
CREATE TABLE IF NOT EXISTS to_events2 (id bigint) WITH (toast.fillfactor = 70);
CREATE TABLE IF NOT EXISTS to_events3 (id bigint) WITH (toast.autovacuum_vacuum_cost_limit = 0);
CREATE TABLE IF NOT EXISTS to_events4 (id bigint) WITH (heap.fillfactor = 70);
CREATE TABLE IF NOT EXISTS to_events5 (id bigint) WITH (oids = true);
CREATE TABLE IF NOT EXISTS to_summary WITH (fillfactor = 5) AS SELECT 1 AS n;
CREATE MATERIALIZED VIEW IF NOT EXISTS to_totals WITH (autovacuum_enabled = 2) AS SELECT 1 AS n;
-- Attribute options: n_distinct and n_distinct_inherited, at least -1.
ALTER TABLE to_orders ALTER COLUMN region SET (n_distinct = -2);
ALTER TABLE to_orders ALTER COLUMN region SET (n_distinct_inherited = -1.5);
ALTER TABLE to_orders ALTER COLUMN region SET (fillfactor = 50);
ALTER TABLE to_orders ALTER COLUMN region SET (n_distinct = lots);
ALTER TABLE to_orders ALTER COLUMN region SET (n_distinct);
