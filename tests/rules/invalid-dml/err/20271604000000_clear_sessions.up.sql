CREATE TABLE IF NOT EXISTS rr_sessions (id bigint PRIMARY KEY);
-- Passes the first run; on the next, rr_session_flags references rr_sessions.
TRUNCATE rr_sessions;
CREATE TABLE IF NOT EXISTS rr_session_flags (session_id bigint REFERENCES rr_sessions ON DELETE CASCADE);
