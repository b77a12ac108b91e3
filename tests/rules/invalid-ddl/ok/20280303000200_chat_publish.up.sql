-- its options can change; a publication of their own takes tables
ALTER PUBLICATION chat_everything SET (publish = 'insert, update');
CREATE PUBLICATION chat_rooms_only FOR TABLE chat_rooms;
ALTER PUBLICATION chat_rooms_only ADD TABLE chat_messages;
