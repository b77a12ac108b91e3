DROP TABLE IF EXISTS tr_flags, tr_sessions;
