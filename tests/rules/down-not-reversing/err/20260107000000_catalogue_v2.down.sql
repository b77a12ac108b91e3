ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM app_reader;
REVOKE UPDATE (title, body) ON books FROM app_reader;
ALTER TABLE books DROP COLUMN IF EXISTS search;
ALTER TABLE books ADD COLUMN IF NOT EXISTS search tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, ''))) STORED;
DROP MATERIALIZED VIEW IF EXISTS book_counts;
CREATE MATERIALIZED VIEW IF NOT EXISTS book_counts AS
  SELECT author_id, count(*) AS books FROM books GROUP BY author_id;
DROP POLICY IF EXISTS books_read ON books;
DROP VIEW IF EXISTS book_titles;
DROP FUNCTION IF EXISTS find_books(text);
