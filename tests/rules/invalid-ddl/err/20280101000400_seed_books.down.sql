DROP INDEX IF EXISTS books_title_idx;
DELETE FROM books WHERE title = 'Placeholder';
DELETE FROM authors WHERE id = 1;
