CREATE TABLE IF NOT EXISTS tr_sessions (id bigint PRIMARY KEY, parent_id bigint REFERENCES tr_sessions);
CREATE TABLE IF NOT EXISTS tr_flags (session_id bigint REFERENCES tr_sessions ON DELETE CASCADE, flag text);
CREATE TABLE IF NOT EXISTS tr_events (session_id bigint REFERENCES tr_sessions) PARTITION BY LIST (session_id);
CREATE TABLE IF NOT EXISTS tr_events_1 PARTITION OF tr_events FOR VALUES IN (1);
-- Every referencing table in the same statement; a reference to itself does not count.
TRUNCATE tr_flags, tr_sessions, tr_events;
-- CASCADE truncates them too (ban-truncate-cascade's business).
TRUNCATE tr_sessions CASCADE;
-- The referencing tables and keys dropped first.
ALTER TABLE tr_flags DROP CONSTRAINT tr_flags_session_id_fkey;
DROP TABLE IF EXISTS tr_events;
TRUNCATE tr_sessions;
TRUNCATE tr_flags;
