-- one statement drops both: PostgreSQL takes them together
DROP TABLE IF EXISTS a, b;
