-- sqlgate:ignore syntax-error -- left from an old draft
ALTER TABLE users DROP COLUMN IF EXISTS email, DROP COLUMN IF EXISTS phone;
