-- sqlgate:run-once the column is renamed once; the app reads both names during the deploy
ALTER TABLE users RENAME COLUMN mail TO email;
-- sqlgate:irreversible -- the old data cannot be restored
