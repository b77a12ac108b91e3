DROP PUBLICATION IF EXISTS chat_rooms_only;
ALTER PUBLICATION chat_everything SET (publish = 'insert, update, delete, truncate');
