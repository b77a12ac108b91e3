-- sqlgate:ignore require-if-not-exist -- misspelt
CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);
-- sqlgate:ignore
CREATE INDEX IF NOT EXISTS users_id ON users (id);
-- sqlgate:ignore-file syntax-error, bogus
