-- sqlgate:run-once
ALTER TABLE users RENAME COLUMN mail TO email;
-- sqlgate:run-once-file --
-- sqlgate:irreversible
