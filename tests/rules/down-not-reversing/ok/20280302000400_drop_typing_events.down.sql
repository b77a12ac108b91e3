CREATE TABLE IF NOT EXISTS typing_events (id bigint PRIMARY KEY, channel_id bigint NOT NULL);
ALTER TABLE typing_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE typing_events REPLICA IDENTITY FULL;
CREATE TABLE IF NOT EXISTS read_marks (id bigint PRIMARY KEY, channel_id bigint NOT NULL);
ALTER TABLE read_marks ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER PUBLICATION chat_realtime ADD TABLE typing_events, read_marks;
