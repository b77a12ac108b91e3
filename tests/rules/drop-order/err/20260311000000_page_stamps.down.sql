-- the triggers name the columns in UPDATE OF and in WHEN (verified on PostgreSQL 15: "trigger
-- pages_stamp_published on table pages depends on column published_at of table pages")
ALTER TABLE pages DROP COLUMN IF EXISTS published_at;
ALTER TABLE pages DROP COLUMN IF EXISTS edited_at;
DROP TRIGGER IF EXISTS pages_stamp_published ON pages;
DROP TRIGGER IF EXISTS pages_stamp_edited ON pages;
DROP FUNCTION IF EXISTS stamp_published();
DROP TABLE IF EXISTS pages;
