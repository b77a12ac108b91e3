-- sqlgate:ignore syntax-error, idempotency -- a rule id and a category
CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);
-- sqlgate:ignore-file safety
