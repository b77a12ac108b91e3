CREATE TABLE IF NOT EXISTS archive_items (id bigint PRIMARY KEY, note text);
CREATE OR REPLACE VIEW archive_notes AS SELECT id, note FROM archive_items;
CREATE TABLE IF NOT EXISTS archive_tags (item_id bigint, tag text);
