DROP TABLE IF EXISTS events, events2, events3, events4, plain;
