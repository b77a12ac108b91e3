-- sqlgate:ignore-file -- nothing to ignore here
CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);
-- sqlgate:ignore idempotency -- stale
CREATE INDEX IF NOT EXISTS users_id ON users (id);
