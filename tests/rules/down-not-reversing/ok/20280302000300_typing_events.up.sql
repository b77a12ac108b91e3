CREATE TABLE IF NOT EXISTS typing_events (id bigint PRIMARY KEY, channel_id bigint NOT NULL);
ALTER TABLE typing_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE typing_events REPLICA IDENTITY FULL;
CREATE TABLE IF NOT EXISTS read_marks (id bigint PRIMARY KEY, channel_id bigint NOT NULL);
ALTER TABLE read_marks ENABLE ROW LEVEL SECURITY;
ALTER TABLE read_marks FORCE ROW LEVEL SECURITY;
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_publication WHERE pubname = 'chat_realtime') THEN
    CREATE PUBLICATION chat_realtime;
  END IF;
END $$;
ALTER PUBLICATION chat_realtime ADD TABLE typing_events, read_marks;
