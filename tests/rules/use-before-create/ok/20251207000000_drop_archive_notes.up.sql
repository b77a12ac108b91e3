DROP VIEW IF EXISTS archive_notes;
ALTER TABLE archive_items DROP COLUMN IF EXISTS note;
DROP TABLE IF EXISTS archive_tags;
