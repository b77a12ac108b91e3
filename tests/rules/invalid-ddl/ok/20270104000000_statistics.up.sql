CREATE TABLE event_log (id bigint PRIMARY KEY, kind text, source text);
CREATE STATISTICS IF NOT EXISTS event_log_kind_source ON kind, source FROM event_log;
CREATE STATISTICS event_log_kind_source_mcv (mcv, dependencies) ON kind, (source) FROM event_log;
CREATE STATISTICS event_log_lower_kind ON (lower(kind)) FROM event_log;
CREATE STATISTICS event_log_lower_kind_source (ndistinct) ON (lower(kind)), source FROM event_log;
-- For one column, ANALYZE's own statistics, sampled more.
ALTER TABLE event_log ALTER COLUMN kind SET STATISTICS 1000;
