SET lock_timeout = '5s';
DROP TRIGGER IF EXISTS users_set_updated_at ON users;
DROP FUNCTION IF EXISTS set_updated_at();
DROP INDEX IF EXISTS users_email_key;
DROP TABLE IF EXISTS users;
