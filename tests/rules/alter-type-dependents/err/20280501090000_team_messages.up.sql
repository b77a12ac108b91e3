CREATE TABLE IF NOT EXISTS tm_members (team_id integer NOT NULL, user_id uuid NOT NULL, PRIMARY KEY (team_id, user_id));
CREATE TABLE IF NOT EXISTS tm_messages (id bigint PRIMARY KEY, team_id integer NOT NULL, room_id integer NOT NULL, body text NOT NULL);
ALTER TABLE tm_messages ENABLE ROW LEVEL SECURITY;
CREATE OR REPLACE FUNCTION tm_is_member(_team_id bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM tm_members m WHERE m.team_id = _team_id) $$;
DROP POLICY IF EXISTS tm_read ON tm_messages;
-- the call wrapped in a SELECT, and an EXISTS correlated on the row's column
CREATE POLICY tm_read ON tm_messages FOR SELECT USING ((SELECT tm_is_member(team_id)));
DROP POLICY IF EXISTS tm_write ON tm_messages;
CREATE POLICY tm_write ON tm_messages FOR UPDATE
  USING (EXISTS (SELECT 1 FROM tm_members m WHERE m.team_id = tm_messages.room_id));
