CREATE TABLE IF NOT EXISTS books (id bigint PRIMARY KEY, title text, body text, author_id bigint);
CREATE TABLE IF NOT EXISTS authors (id bigint PRIMARY KEY);
ALTER TABLE books ADD CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)
  DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE books ADD COLUMN IF NOT EXISTS search tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, ''))) STORED;
CREATE INDEX IF NOT EXISTS books_search_gin ON books USING gin (search);
CREATE OR REPLACE VIEW book_titles AS SELECT id, title FROM books;
CREATE OR REPLACE FUNCTION find_books(q text) RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$ SELECT id FROM books WHERE title ILIKE '%' || q || '%' $$;
CREATE MATERIALIZED VIEW IF NOT EXISTS book_counts AS
  SELECT author_id, count(*) AS books FROM books GROUP BY author_id;
CREATE UNIQUE INDEX IF NOT EXISTS book_counts_author ON book_counts (author_id);
CREATE POLICY books_read ON books FOR SELECT USING (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON books TO app_reader;
