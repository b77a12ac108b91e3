DROP TABLE IF EXISTS events, plain;
