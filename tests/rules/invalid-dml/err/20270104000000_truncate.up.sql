CREATE TABLE IF NOT EXISTS tr_sessions (id bigint PRIMARY KEY);
CREATE TABLE IF NOT EXISTS tr_flags (session_id bigint REFERENCES tr_sessions ON DELETE CASCADE, flag text);
CREATE TABLE IF NOT EXISTS tr_notes (session_id bigint, note text);
ALTER TABLE tr_notes ADD CONSTRAINT tr_notes_session_fk FOREIGN KEY (session_id) REFERENCES tr_sessions NOT VALID;
CREATE TABLE IF NOT EXISTS tr_other (id bigint);
-- Whatever the rows, ON DELETE CASCADE or not: a referencing table not truncated with it.
TRUNCATE tr_sessions;
TRUNCATE TABLE tr_other, tr_sessions RESTRICT;
TRUNCATE tr_sessions, tr_flags;
-- A partitioned table's foreign key: truncating a partition does not do.
CREATE TABLE IF NOT EXISTS tr_events (session_id bigint REFERENCES tr_sessions) PARTITION BY LIST (session_id);
CREATE TABLE IF NOT EXISTS tr_events_1 PARTITION OF tr_events FOR VALUES IN (1);
ALTER TABLE tr_notes DROP CONSTRAINT tr_notes_session_fk;
TRUNCATE tr_sessions, tr_flags, tr_events_1;
DO $$
BEGIN
  TRUNCATE tr_sessions, tr_flags;
END
$$;
