SET lock_timeout = '5s';
ALTER TABLE users DROP COLUMN IF EXISTS last_login_at;
