-- replaced in place; the down drops it; the down makes the view again as the up defines it;
-- the down sets the constraint to another timing than it had
CREATE OR REPLACE FUNCTION find_books(q text) RETURNS TABLE (id bigint, title text)
LANGUAGE sql STABLE AS $$ SELECT id, title FROM books WHERE title ILIKE q || '%' $$;
CREATE OR REPLACE VIEW book_titles AS SELECT id, title AS name FROM books;
ALTER TABLE books ALTER CONSTRAINT books_author_fk DEFERRABLE;
