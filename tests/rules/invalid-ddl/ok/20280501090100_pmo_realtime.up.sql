CREATE TABLE IF NOT EXISTS pmo_messages (id bigint PRIMARY KEY, body text NOT NULL);
CREATE TABLE IF NOT EXISTS pmo_rooms (id bigint PRIMARY KEY);
CREATE PUBLICATION pmo_realtime FOR TABLE pmo_messages;
ALTER PUBLICATION pmo_realtime ADD TABLE pmo_rooms;
-- both are listed
ALTER PUBLICATION pmo_realtime DROP TABLE pmo_messages, pmo_rooms;
-- a publication made outside the migrations: what it lists is not known
ALTER PUBLICATION supabase_realtime DROP TABLE pmo_messages;
