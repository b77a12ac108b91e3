-- pg_catalog's views, which PostgreSQL searches first: no migration makes them
CREATE OR REPLACE VIEW active_sessions AS
    SELECT pid, usename, state FROM pg_stat_activity WHERE state = 'active';
CREATE OR REPLACE VIEW table_sizes AS
    SELECT c.relname, pg_total_relation_size(c.oid) AS bytes FROM pg_class c WHERE c.relkind = 'r';
