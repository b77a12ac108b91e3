ALTER TABLE rv_users ALTER COLUMN display_name TYPE text;
CREATE OR REPLACE VIEW rv_user_directory AS SELECT u.id, u.display_name FROM rv_users u;
