DROP TABLE IF EXISTS rr_session_flags;
DROP TABLE IF EXISTS rr_sessions;
