-- a FOR ALL TABLES publication takes no table and no schema: each of these fails
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid
                 WHERE p.pubname = 'chat_everything' AND pr.prrelid = 'chat_messages'::regclass) THEN
    ALTER PUBLICATION chat_everything ADD TABLE chat_messages;
  END IF;
END $$;
ALTER PUBLICATION chat_everything SET TABLE chat_messages, chat_rooms;
ALTER PUBLICATION chat_everything ADD TABLES IN SCHEMA chat_archive;
