-- rebuild the column the up changed: drop it, and bring it back under its name
ALTER TABLE users ADD COLUMN email_text text;
UPDATE users SET email_text = email;
ALTER TABLE users DROP COLUMN email;
ALTER TABLE users RENAME COLUMN email_text TO email;
