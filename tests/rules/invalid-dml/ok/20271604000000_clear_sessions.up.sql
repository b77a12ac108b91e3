CREATE TABLE IF NOT EXISTS rr_sessions (id bigint PRIMARY KEY);
-- The referencing table goes first on every run, so the TRUNCATE finds no foreign key.
DROP TABLE IF EXISTS rr_session_marks;
TRUNCATE rr_sessions;
CREATE TABLE IF NOT EXISTS rr_session_marks (session_id bigint REFERENCES rr_sessions);

CREATE TABLE IF NOT EXISTS rr_devices (id bigint PRIMARY KEY);
-- Made first, then emptied together.
CREATE TABLE IF NOT EXISTS rr_device_flags (device_id bigint REFERENCES rr_devices);
TRUNCATE rr_devices, rr_device_flags;
