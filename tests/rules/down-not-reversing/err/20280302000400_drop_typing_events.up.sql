-- typing indicators and read marks moved to a broadcast channel
DROP TABLE IF EXISTS typing_events;
DROP TABLE IF EXISTS read_marks;
