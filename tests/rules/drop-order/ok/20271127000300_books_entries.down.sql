DROP TABLE IF EXISTS books_entries;
DROP OWNED BY books_clerk;
DROP ROLE IF EXISTS books_clerk;
