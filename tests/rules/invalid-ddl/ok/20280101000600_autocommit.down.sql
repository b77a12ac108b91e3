-- sqlgate:no-transaction
ALTER TABLE books DROP COLUMN IF EXISTS pages;
DELETE FROM books WHERE name = 'Second placeholder';
