DROP TABLE IF EXISTS handed_over;
