-- the column first, then the view that reads it; a table before its index
ALTER TABLE archive_items ADD COLUMN IF NOT EXISTS note text;
CREATE OR REPLACE VIEW archive_notes AS SELECT id, note FROM archive_items;
CREATE TABLE IF NOT EXISTS archive_tags (item_id bigint, tag text);
CREATE INDEX IF NOT EXISTS archive_tags_tag ON archive_tags (tag);
