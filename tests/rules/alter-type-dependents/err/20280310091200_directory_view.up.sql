CREATE TABLE IF NOT EXISTS rv_users (id bigint PRIMARY KEY, display_name text);
CREATE OR REPLACE VIEW rv_user_directory AS SELECT u.id, u.display_name FROM rv_users u;
