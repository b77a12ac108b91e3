DROP FUNCTION IF EXISTS user_count(timestamptz);
DROP VIEW IF EXISTS active_users;
DROP TABLE IF EXISTS users;
