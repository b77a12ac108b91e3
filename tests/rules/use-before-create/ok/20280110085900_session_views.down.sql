DROP VIEW IF EXISTS table_sizes;
DROP VIEW IF EXISTS active_sessions;
