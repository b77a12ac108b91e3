DROP VIEW IF EXISTS rv_user_directory;
ALTER TABLE rv_users ALTER COLUMN display_name TYPE varchar(200);
