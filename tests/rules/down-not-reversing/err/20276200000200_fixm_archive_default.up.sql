-- The table is in archive_space: this moves it to pg_default.
ALTER TABLE fixm_archive SET TABLESPACE pg_default;
