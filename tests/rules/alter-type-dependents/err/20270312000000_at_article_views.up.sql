ALTER TABLE at_articles ADD COLUMN IF NOT EXISTS views integer;
-- PostgreSQL expands * when the view is defined again: it reads views now
CREATE OR REPLACE VIEW at_posts AS SELECT * FROM at_articles;
