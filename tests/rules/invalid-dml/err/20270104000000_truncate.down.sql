DROP TABLE IF EXISTS tr_events, tr_other, tr_notes, tr_flags, tr_sessions;
