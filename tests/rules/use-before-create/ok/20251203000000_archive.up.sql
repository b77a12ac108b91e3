CREATE TABLE IF NOT EXISTS archive (id int);
