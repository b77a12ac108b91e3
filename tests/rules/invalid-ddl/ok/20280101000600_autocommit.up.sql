-- sqlgate:no-transaction
-- Each statement commits by itself: the INSERT's events fire before the ALTER TABLE.
INSERT INTO books (name, author_id) VALUES ('Second placeholder', 1);
ALTER TABLE books ADD COLUMN IF NOT EXISTS pages integer;
