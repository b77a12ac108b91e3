DROP TABLE IF EXISTS rr_device_flags;
DROP TABLE IF EXISTS rr_devices;
DROP TABLE IF EXISTS rr_session_marks;
DROP TABLE IF EXISTS rr_sessions;
