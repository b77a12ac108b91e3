CREATE TABLE IF NOT EXISTS to_orders (id bigint PRIMARY KEY, region text, note text)
  WITH (fillfactor = 90, oids = false, toast.autovacuum_enabled = off, toast_tuple_target = 8160);
ALTER TABLE to_orders SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 0);
ALTER TABLE to_orders SET (autovacuum_enabled = of, vacuum_index_cleanup = AUTO, vacuum_truncate);
ALTER TABLE to_orders SET (fillfactor = 9.6, parallel_workers = '4', log_autovacuum_min_duration = -1);
ALTER TABLE to_orders SET (autovacuum_vacuum_insert_threshold = -1, autovacuum_freeze_max_age = 2000000000);
ALTER TABLE to_orders SET (toast.autovacuum_vacuum_cost_limit = 200);
ALTER TABLE to_orders RESET (no_such_parameter);
ALTER TABLE to_orders SET (fillfactor = 80), SET (fillfactor = 70);
CREATE TABLE IF NOT EXISTS to_summary WITH (fillfactor = 50) AS SELECT 1 AS n;
CREATE MATERIALIZED VIEW IF NOT EXISTS to_totals WITH (autovacuum_enabled = false) AS SELECT 1 AS n;
ALTER MATERIALIZED VIEW to_totals SET (fillfactor = 60);
-- A view takes its own options.
CREATE VIEW to_recent AS SELECT id FROM to_orders;
ALTER TABLE to_recent SET (security_barrier = true);
ALTER TABLE to_orders ALTER COLUMN region SET (n_distinct = -1, n_distinct_inherited = 0);
ALTER TABLE to_orders ALTER COLUMN note SET (n_distinct = 1e300);
ALTER TABLE to_orders ALTER COLUMN note RESET (fillfactor);
