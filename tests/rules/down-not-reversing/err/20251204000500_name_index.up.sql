CREATE INDEX IF NOT EXISTS users_name_idx ON users (name);
