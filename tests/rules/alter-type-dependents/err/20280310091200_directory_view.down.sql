DROP VIEW IF EXISTS rv_user_directory;
DROP TABLE IF EXISTS rv_users;
