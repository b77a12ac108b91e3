DROP VIEW IF EXISTS archive_notes;
DROP TABLE IF EXISTS archive_tags;
DROP TABLE IF EXISTS archive_items;
