CREATE INDEX IF NOT EXISTS books_title_idx ON books (title);
INSERT INTO authors (id, name) VALUES (1, 'Unknown author') ON CONFLICT (id) DO NOTHING;
INSERT INTO books (title, author_id) VALUES ('Placeholder', 1);
-- Renames, comments and grants do not wait for the events.
ALTER TABLE books RENAME COLUMN title TO name;
COMMENT ON TABLE books IS 'one row a book';
SET CONSTRAINTS books_author_id_fk IMMEDIATE;
ALTER TABLE books ADD COLUMN IF NOT EXISTS isbn text;
-- A foreign key checked at each statement queues nothing.
INSERT INTO tags (id, book_id) VALUES (1, NULL) ON CONFLICT DO NOTHING;
ALTER TABLE tags ADD COLUMN label text;
