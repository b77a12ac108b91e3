CREATE TABLE IF NOT EXISTS rps_users (id bigint PRIMARY KEY, note text);
CREATE TABLE IF NOT EXISTS rps_notes (id bigint PRIMARY KEY, note text);
-- u.note is the note of the FROM item u (rps_notes), which hides the parameter u
CREATE OR REPLACE FUNCTION rps_latest_note(u rps_users) RETURNS text LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT u.note FROM rps_notes u ORDER BY u.id DESC LIMIT 1;
END;
