DROP FUNCTION IF EXISTS rps_latest_note(rps_users);
DROP TABLE IF EXISTS rps_notes;
DROP TABLE IF EXISTS rps_users;
