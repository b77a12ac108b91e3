DROP TABLE IF EXISTS measurements;
