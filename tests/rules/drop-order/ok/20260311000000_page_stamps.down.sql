-- the trigger first, then its column; the statistics object before its column
DROP TRIGGER IF EXISTS pages_stamp_published ON pages;
DROP STATISTICS IF EXISTS pages_title_stats;
ALTER TABLE pages DROP COLUMN IF EXISTS published_at;
DROP FUNCTION IF EXISTS stamp_published();
DROP TABLE IF EXISTS pages;
