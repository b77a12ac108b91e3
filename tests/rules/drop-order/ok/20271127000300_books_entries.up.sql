CREATE TABLE IF NOT EXISTS books_entries (id bigint PRIMARY KEY);
GRANT SELECT ON books_entries TO books_clerk;
