ALTER TABLE tm_messages ALTER COLUMN team_id TYPE bigint;
ALTER TABLE tm_messages ALTER COLUMN room_id TYPE bigint;
ALTER TABLE tm_members ALTER COLUMN team_id TYPE bigint;
