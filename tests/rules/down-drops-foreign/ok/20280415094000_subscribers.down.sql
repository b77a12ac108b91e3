DROP TABLE IF EXISTS subscribers;
