CREATE TABLE IF NOT EXISTS chat_messages (id bigint PRIMARY KEY, body text);
CREATE TABLE IF NOT EXISTS chat_rooms (id bigint PRIMARY KEY, name text);
CREATE SCHEMA IF NOT EXISTS chat_archive;
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_publication WHERE pubname = 'chat_everything') THEN
    CREATE PUBLICATION chat_everything FOR ALL TABLES;
  END IF;
END $$;
