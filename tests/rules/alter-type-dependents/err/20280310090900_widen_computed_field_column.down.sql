ALTER TABLE atrp_users ALTER COLUMN display_name TYPE text;
