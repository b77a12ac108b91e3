ALTER TABLE tags DROP COLUMN label;
DELETE FROM tags WHERE id = 1;
ALTER TABLE books DROP COLUMN IF EXISTS isbn;
ALTER TABLE books RENAME COLUMN name TO title;
DELETE FROM books WHERE title = 'Placeholder';
DELETE FROM authors WHERE id = 1;
DROP INDEX IF EXISTS books_title_idx;
