CREATE TABLE event_log (id bigint PRIMARY KEY, kind text, source text, a int, b int, c int, d int, e int, f int, g int);
-- one column
CREATE STATISTICS IF NOT EXISTS event_log_kind_stats ON kind FROM event_log;
-- one column in parentheses is still a column
CREATE STATISTICS event_log_kind_stats2 (mcv) ON (kind) FROM event_log;
-- a column twice
CREATE STATISTICS event_log_kind_source ON kind, source, kind FROM event_log;
-- a kind PostgreSQL has not
CREATE STATISTICS event_log_kind_source2 (ndistinct, histogram) ON kind, source FROM event_log;
-- kinds for a single expression
CREATE STATISTICS event_log_lower_kind (ndistinct) ON (lower(kind)) FROM event_log;
-- nine columns
CREATE STATISTICS event_log_wide ON kind, source, a, b, c, d, e, f, g FROM event_log;
