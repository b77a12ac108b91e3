ALTER TABLE rp_articles ADD COLUMN IF NOT EXISTS summary text;
CREATE OR REPLACE VIEW rp_posts AS SELECT id, title, slug, summary FROM rp_articles;
