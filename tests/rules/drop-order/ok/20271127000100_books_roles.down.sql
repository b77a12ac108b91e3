DROP TABLE IF EXISTS books;
DROP ROLE IF EXISTS books_clerk;
DROP ROLE IF EXISTS books_viewer;
DROP ROLE IF EXISTS books_admin;
DROP ROLE IF EXISTS books_reader;
