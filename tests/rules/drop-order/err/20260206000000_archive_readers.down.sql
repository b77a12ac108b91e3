-- archive_2025 still holds the role's default privileges: only archive_2024 is gone.
DROP SCHEMA IF EXISTS archive_2024;
DROP ROLE IF EXISTS archive_reader;
DROP SCHEMA IF EXISTS archive_2025;
