DROP TABLE IF EXISTS reading_low;
