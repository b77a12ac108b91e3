-- a function, a view and a policy dropped and made anew; the down drops them
DROP FUNCTION IF EXISTS find_books(text);
CREATE OR REPLACE FUNCTION find_books(q text) RETURNS TABLE (id bigint, title text)
LANGUAGE sql STABLE AS $$ SELECT id, title FROM books WHERE title ILIKE '%' || q || '%' $$;
DROP VIEW IF EXISTS book_titles;
CREATE VIEW book_titles AS SELECT id FROM books;
DROP POLICY IF EXISTS books_read ON books;
CREATE POLICY books_read ON books FOR SELECT USING (id > 0);
-- a materialized view made anew with its index; the down makes it again without the index
DROP MATERIALIZED VIEW IF EXISTS book_counts;
CREATE MATERIALIZED VIEW IF NOT EXISTS book_counts AS
  SELECT author_id, count(*) AS books, max(id) AS latest FROM books GROUP BY author_id;
CREATE UNIQUE INDEX IF NOT EXISTS book_counts_author ON book_counts (author_id);
-- a generated column made anew with its index; the down's DROP COLUMN takes the index
ALTER TABLE books DROP COLUMN IF EXISTS search;
ALTER TABLE books ADD COLUMN IF NOT EXISTS search tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, ''))) STORED;
CREATE INDEX IF NOT EXISTS books_search_gin ON books USING gin (search);
-- table-level UPDATE narrowed to two columns; the down revokes only the columns
REVOKE UPDATE ON books FROM app_reader;
GRANT UPDATE (title, body) ON books TO app_reader;
-- default privileges on tables and on functions; the down revokes only the tables'
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO app_reader;
-- the foreign key made NOT DEFERRABLE
ALTER TABLE books ALTER CONSTRAINT books_author_fk NOT DEFERRABLE;
