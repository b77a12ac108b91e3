INSERT INTO authors (id, name) VALUES (1, 'Unknown author') ON CONFLICT (id) DO NOTHING;
INSERT INTO books (title, author_id) VALUES ('Placeholder', 1);
CREATE INDEX IF NOT EXISTS books_title_idx ON books (title);
